#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"

/*
 * A bus bridge on a SoC whose guest-visible windows appear the first time
 * the guest enables them and are only moved afterwards. A MemoryRegion is
 * all zeroes until its init, so "if (!win->name)" asks "not made yet": the
 * window is made once, lazily, and kept, which is no churn. A window made
 * again on every enable is.
 */

#define TYPE_LAZY_BRIDGE "lazy-bridge"
OBJECT_DECLARE_SIMPLE_TYPE(LazyBridgeState, LAZY_BRIDGE)

struct LazyBridgeState {
    SysBusDevice parent_obj;

    MemoryRegion regs;
    MemoryRegion windows;
    MemoryRegion low_win;
    MemoryRegion high_win;
    MemoryRegion *scratch_win;
};

static const MemoryRegionOps lazy_window_ops;

static uint64_t lazy_bridge_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void lazy_bridge_enable_high(LazyBridgeState *s, hwaddr base)
{
    MemoryRegion *win = &s->high_win;

    if (!win->name) {
        // OK: MR010 made once, the first time: the name is still NULL only before the init
        memory_region_init_io(win, OBJECT(s), &lazy_window_ops, s, "lazy-bridge.high", 0x10000);
        memory_region_add_subregion_overlap(&s->windows, base, win, 1);
    }
    memory_region_set_address(win, base);
    memory_region_set_enabled(win, true);
}

static void lazy_bridge_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    LazyBridgeState *s = opaque;

    switch (addr) {
    case 0x0:
        if (s->low_win.name == NULL) {
            // OK: MR010 the same question asked of the embedded region directly
            memory_region_init_io(&s->low_win, OBJECT(s), &lazy_window_ops, s,
                                  "lazy-bridge.low", 0x1000);
            memory_region_add_subregion(&s->windows, 0, &s->low_win);
        }
        memory_region_set_enabled(&s->low_win, val & 1);
        break;
    case 0x8:
        lazy_bridge_enable_high(s, val & ~0xffffULL);
        break;
    case 0x10:
        if (val & 1) {
            s->scratch_win = g_new0(MemoryRegion, 1);
            /* guarded by a register bit, not by "not made yet": a new region per write */
            // BUG: MR010 s->scratch_win
            memory_region_init_io(s->scratch_win, OBJECT(s), &lazy_window_ops, s,
                                  "lazy-bridge.scratch", 0x100);
        }
        break;
    }
}

static const MemoryRegionOps lazy_bridge_ops = {
    .read = lazy_bridge_read,
    .write = lazy_bridge_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void lazy_bridge_realize(DeviceState *dev, Error **errp)
{
    LazyBridgeState *s = LAZY_BRIDGE(dev);

    memory_region_init_io(&s->regs, OBJECT(s), &lazy_bridge_ops, s, "lazy-bridge", 0x100);
    memory_region_init(&s->windows, OBJECT(s), "lazy-bridge.windows", 0x100000000ULL);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->regs);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->windows);
}

static void lazy_bridge_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = lazy_bridge_realize;
}

static const TypeInfo lazy_bridge_info = {
    .name          = TYPE_LAZY_BRIDGE,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(LazyBridgeState),
    .class_init    = lazy_bridge_class_init,
};

static void lazy_bridge_register_types(void)
{
    type_register_static(&lazy_bridge_info);
}

type_init(lazy_bridge_register_types)
