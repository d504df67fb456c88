/* Shared declarations of the sbbase GPIO family (base.c, derived.c). */
#ifndef SBBASE_H
#define SBBASE_H

#include "hw/core/sysbus.h"

#define TYPE_SBBASE "sbbase-gpio"

typedef struct SbbaseState {
    SysBusDevice parent_obj;

    uint32_t ngpio;
} SbbaseState;

#endif
