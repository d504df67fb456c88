/*
 * Capture window toggled by a register write, which runs any number of
 * times between realize and unrealize.  One write maps the window and
 * records it in a flag; the next one, seeing the flag, deletes the window
 * from system memory before it unparents it.  Nothing is left mapped when
 * the region goes, whatever the order of the writes.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_CAPWIN "capwin"
OBJECT_DECLARE_SIMPLE_TYPE(CapwinState, CAPWIN)

struct CapwinState {
    SysBusDevice parent_obj;

    MemoryRegion regs;
    MemoryRegion frame;
    MemoryRegion window;
    bool window_on;
};

static void capwin_toggle(CapwinState *s, hwaddr base)
{
    if (!s->window_on) {
        memory_region_init_alias(&s->window, OBJECT(s), "capwin.window",
                                 &s->frame, 0, 0x1000);
        memory_region_add_subregion(get_system_memory(), base, &s->window);
        s->window_on = true;
    } else {
        memory_region_del_subregion(get_system_memory(), &s->window);
        // OK: MR002 the previous write mapped it; this one deleted it first
        object_unparent(OBJECT(&s->window));
        s->window_on = false;
    }
}

static void capwin_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    CapwinState *s = opaque;

    if (addr == 0) {
        capwin_toggle(s, val);
    }
}

static uint64_t capwin_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static const MemoryRegionOps capwin_ops = {
    .read = capwin_read,
    .write = capwin_write,
};

static void capwin_realize(DeviceState *dev, Error **errp)
{
    CapwinState *s = CAPWIN(dev);

    memory_region_init_io(&s->regs, OBJECT(s), &capwin_ops, s,
                          "capwin.regs", 0x100);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->regs);
    memory_region_init_ram(&s->frame, OBJECT(s), "capwin.frame", 0x10000,
                           errp);
}

static void capwin_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = capwin_realize;
}

static const TypeInfo capwin_info = {
    .name          = TYPE_CAPWIN,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(CapwinState),
    .class_init    = capwin_class_init,
};

static void capwin_register_types(void)
{
    type_register_static(&capwin_info);
}

type_init(capwin_register_types)
