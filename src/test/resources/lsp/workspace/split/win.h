#ifndef WIN_H
#define WIN_H
#include "system/memory.h"
typedef struct LspWindow {
    MemoryRegion mr;
    hwaddr base;
} LspWindow;
void lspwin_unmap(LspWindow *w);
#endif
