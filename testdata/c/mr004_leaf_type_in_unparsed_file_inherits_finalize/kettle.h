/* State shared by the kettle family (kettle-base.c, kettle-mini.c) and the teapot base. */
#ifndef KETTLE_H
#define KETTLE_H

#include "hw/core/sysbus.h"
#include "system/memory.h"

#define TYPE_KETTLE_BASE "kettle-base"
OBJECT_DECLARE_SIMPLE_TYPE(KettleBaseState, KETTLE_BASE)

struct KettleBaseState {
    SysBusDevice parent_obj;

    MemoryRegion plate;
    uint32_t watts;
};

#define TYPE_TEAPOT_BASE "teapot-base"
OBJECT_DECLARE_SIMPLE_TYPE(TeapotBaseState, TEAPOT_BASE)

struct TeapotBaseState {
    SysBusDevice parent_obj;

    MemoryRegion spout;
};

#endif
