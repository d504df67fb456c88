/* State shared by the lamp display family (see lampbase.c and lamp.c). */
#ifndef LAMPBASE_H
#define LAMPBASE_H

#include "hw/pci/pci_device.h"
#include "system/memory.h"

#define TYPE_LAMPBASE "lampbase"
OBJECT_DECLARE_SIMPLE_TYPE(LampbaseState, LAMPBASE)

struct LampbaseState {
    PCIDevice parent_obj;

    uint32_t brightness;
};

#endif
