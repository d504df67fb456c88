/* Helpers for the lspdev window. */
#include "qemu/osdep.h"
#include "system/memory.h"
#include "win.h"

void lspwin_unmap(LspWindow *w)
{
    memory_region_del_subregion(get_system_memory(), &w->mr);
}
