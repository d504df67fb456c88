/* Legacy I/O window shared by the xwin device (dev.c) and its helpers (helpers.c). */
#ifndef XWIN_H
#define XWIN_H

#include "system/memory.h"

typedef struct XwinWindow {
    MemoryRegion alias;
    hwaddr base;
    uint64_t size;
} XwinWindow;

void xwin_window_destroy(XwinWindow *w);

#endif
