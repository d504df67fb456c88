#include "qemu/osdep.h"
#include "hw/boards.h"
#include "hw/sysbus.h"
#include "qapi/error.h"
#include "system/memory.h"

/*
 * Realize-time code that nobody calls by name: a board's table of "make" functions, each getting
 * the board and the device it builds as an opaque pointer, and an optional extension of a device
 * reached through an ops struct from realize. Neither is run-time code of the device it touches.
 */

typedef struct LatchState {
    SysBusDevice parent_obj;
    MemoryRegion regs;
    MemoryRegion upstream;
} LatchState;

#define TYPE_ACME_LATCH "acme-latch"

static const MemoryRegionOps latch_ops;

static void latch_realize(DeviceState *dev, Error **errp)
{
    LatchState *s = (LatchState *)dev;

    memory_region_init_io(&s->regs, OBJECT(s), &latch_ops, s, "latch.regs", 0x1000);
    sysbus_init_mmio(SYS_BUS_DEVICE(s), &s->regs);
}

static void latch_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = latch_realize;
}

static const TypeInfo latch_info = {
    .name = TYPE_ACME_LATCH,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(LatchState),
    .class_init = latch_class_init,
};

typedef struct AcmeBoardState {
    MachineState parent_obj;
    LatchState latch[2];
    MemoryRegion sram[2];
} AcmeBoardState;

typedef MemoryRegion *AcmeMakeFn(AcmeBoardState *bs, void *opaque, const char *name, hwaddr size);

typedef struct AcmeSlot {
    const char *name;
    AcmeMakeFn *make;
    void *opaque;
    hwaddr base;
} AcmeSlot;

/* The latch arrives as the second, opaque argument: no callback QEMU dispatches looks like this. */
static MemoryRegion *acme_make_latch(AcmeBoardState *bs, void *opaque, const char *name, hwaddr size)
{
    LatchState *latch = opaque;
    int i = latch - &bs->latch[0];

    object_initialize_child(OBJECT(bs), name, latch, TYPE_ACME_LATCH);
    // OK: MR010
    memory_region_init_ram(&latch->upstream, NULL, name, size, &error_fatal);
    memory_region_add_subregion(get_system_memory(), 0x20000000 + i * size, &bs->sram[i]);
    sysbus_realize(SYS_BUS_DEVICE(latch), &error_fatal);
    return &latch->regs;
}

static void acme_board_init(MachineState *machine)
{
    AcmeBoardState *bs = (AcmeBoardState *)machine;
    const AcmeSlot slots[] = {
        { "latch0", acme_make_latch, &bs->latch[0], 0x40000000 },
        { "latch1", acme_make_latch, &bs->latch[1], 0x40001000 },
    };
    int i;

    for (i = 0; i < ARRAY_SIZE(slots); i++) {
        MemoryRegion *mr = slots[i].make(bs, slots[i].opaque, slots[i].name, 0x1000);
        memory_region_add_subregion(get_system_memory(), slots[i].base, mr);
    }
}

/* An accelerator extension of a DMA engine: its init runs from the engine's realize, through ops. */
typedef struct DmaEngineState DmaEngineState;

typedef struct DmaAccelOps {
    bool (*init)(DmaEngineState *s, Error **errp);
} DmaAccelOps;

struct DmaEngineState {
    SysBusDevice parent_obj;
    MemoryRegion regs;
    MemoryRegion accel_regs;
    const DmaAccelOps *accel;
};

#define TYPE_ACME_DMA "acme-dma"

static const MemoryRegionOps dma_accel_ops;

static bool dma_accel_init(DmaEngineState *s, Error **errp)
{
    // OK: MR010
    memory_region_init_io(&s->accel_regs, OBJECT(s), &dma_accel_ops, s, "dma.accel", 0x10000);
    sysbus_init_mmio(SYS_BUS_DEVICE(s), &s->accel_regs);
    return true;
}

static const DmaAccelOps dma_fast_accel = {
    .init = dma_accel_init,
};

static void dma_realize(DeviceState *dev, Error **errp)
{
    DmaEngineState *s = (DmaEngineState *)dev;

    memory_region_init_io(&s->regs, OBJECT(s), &dma_accel_ops, s, "dma.regs", 0x1000);
    sysbus_init_mmio(SYS_BUS_DEVICE(s), &s->regs);
    s->accel = &dma_fast_accel;
    if (s->accel->init && !s->accel->init(s, errp)) {
        return;
    }
}

static void dma_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = dma_realize;
}

static const TypeInfo dma_info = {
    .name = TYPE_ACME_DMA,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(DmaEngineState),
    .class_init = dma_class_init,
};

static void acme_register_types(void)
{
    type_register_static(&latch_info);
    type_register_static(&dma_info);
}

type_init(acme_register_types)
