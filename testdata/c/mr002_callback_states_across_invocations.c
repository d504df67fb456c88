// OK: MR001 sysbus device: never unrealized
/*
 * Display controller whose register writes run any number of times, in
 * any order, between realize and unrealize.  One write toggles a VRAM
 * window: the first call maps it, the next one (the flag says "mapped")
 * unparents it without deleting it from system memory.  Another write
 * makes a scratch region that instance_finalize then unparents, after QOM
 * already dropped it with the device's child properties.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_TOGDISP "togdisp"
OBJECT_DECLARE_SIMPLE_TYPE(TogdispState, TOGDISP)

struct TogdispState {
    SysBusDevice parent_obj;

    MemoryRegion regs;
    MemoryRegion vram;
    MemoryRegion vram_window;
    MemoryRegion scratch;
    bool window_on;
    bool scratch_made;
};

static const MemoryRegionOps togdisp_scratch_ops;

static void togdisp_toggle_window(TogdispState *s, hwaddr base)
{
    if (!s->window_on) {
        memory_region_init_alias(&s->vram_window, OBJECT(s), "togdisp.window",
                                 &s->vram, 0, 0x10000);
        memory_region_add_subregion(get_system_memory(), base,
                                    &s->vram_window);
        s->window_on = true;
    } else {
        /* mapped by the previous call: the delete is missing */
        // BUG: MR002 object_unparent(s->vram_window) while it may still be mapped in system_memory
        object_unparent(OBJECT(&s->vram_window));
        s->window_on = false;
    }
}

static void togdisp_make_scratch(TogdispState *s)
{
    if (!s->scratch_made) {
        // BUG: MR010 s->scratch
        memory_region_init_io(&s->scratch, OBJECT(s), &togdisp_scratch_ops, s,
                              "togdisp.scratch", 0x100);
        s->scratch_made = true;
    }
}

static void togdisp_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    TogdispState *s = opaque;

    switch (addr) {
    case 0:
        togdisp_toggle_window(s, val);
        break;
    case 4:
        togdisp_make_scratch(s);
        break;
    }
}

static uint64_t togdisp_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static const MemoryRegionOps togdisp_ops = {
    .read = togdisp_read,
    .write = togdisp_write,
};

static void togdisp_realize(DeviceState *dev, Error **errp)
{
    TogdispState *s = TOGDISP(dev);

    memory_region_init_io(&s->regs, OBJECT(s), &togdisp_ops, s,
                          "togdisp.regs", 0x100);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->regs);
    if (!memory_region_init_ram(&s->vram, OBJECT(s), "togdisp.vram", 0x10000,
                                errp)) {
        return;
    }
}

static void togdisp_finalize(Object *obj)
{
    TogdispState *s = TOGDISP(obj);

    if (s->scratch_made) {
        /* the scratch region a register write made: already dropped here */
        // BUG: MR004 object_unparent(s->scratch) in instance_finalize is a no-op
        object_unparent(OBJECT(&s->scratch));
    }
}

static void togdisp_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = togdisp_realize;
}

static const TypeInfo togdisp_info = {
    .name              = TYPE_TOGDISP,
    .parent            = TYPE_SYS_BUS_DEVICE,
    .instance_size     = sizeof(TogdispState),
    .instance_finalize = togdisp_finalize,
    .class_init        = togdisp_class_init,
};

static void togdisp_register_types(void)
{
    type_register_static(&togdisp_info);
}

type_init(togdisp_register_types)
