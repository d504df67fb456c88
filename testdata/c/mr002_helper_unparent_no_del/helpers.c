/*
 * Helpers of the xwin device.  xwin_window_destroy() is called from the
 * device's exit with a window that realize mapped into the bus I/O space;
 * it unparents the alias without unmapping it.
 */
#include "qemu/osdep.h"
#include "system/memory.h"
#include "xwin.h"

void xwin_window_destroy(XwinWindow *w)
{
    // BUG: MR002
    object_unparent(OBJECT(&w->alias));
    w->base = 0;
    w->size = 0;
}
