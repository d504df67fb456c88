/* A miniature of the generic vCPU base (cpu-common.c) and the toy targets built on it. */
#ifndef TOYCPU_H
#define TOYCPU_H

#include "hw/core/qdev.h"
#include "system/memory.h"

#define TYPE_CPU "cpu"
OBJECT_DECLARE_TYPE(CPUState, CPUClass, CPU)

struct CPUState {
    DeviceState parent_obj;

    MemoryRegion *memory;
    CPUAddressSpace *cpu_ases;
    AddressSpace *as;
};

struct CPUClass {
    DeviceClass parent_class;
};

#define TYPE_TOY_CPU "toy-cpu"
OBJECT_DECLARE_TYPE(ToyCPU, ToyCPUClass, TOY_CPU)

struct ToyCPU {
    CPUState parent_obj;

    MemoryRegion *secure_memory;
};

struct ToyCPUClass {
    CPUClass parent_class;

    DeviceRealize parent_realize;
    DeviceUnrealize parent_unrealize;
};

#endif
