// OK: MR001 sysbus device: never unrealized, same-owner quirk subregions stay until finalize
// OK: MR002 nothing is unparented
// OK: MR003 g_free of heap structs holding regions the device owns, in instance_finalize
/*
 * Platform passthrough-like device that overlays dynamically allocated
 * quirk regions (g_new0) on its register region and keeps them on a
 * QLIST.  instance_finalize walks the list and frees the heap structs:
 * by then QOM has already finalized the regions, which the device owns.
 */
#include "qemu/osdep.h"
#include "qemu/queue.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_VPQ "vpq-platform"
OBJECT_DECLARE_SIMPLE_TYPE(VpqState, VPQ)

typedef struct VpqQuirk {
    QLIST_ENTRY(VpqQuirk) next;
    MemoryRegion *mem;
    int nr_mem;
    uint32_t window_addr;
} VpqQuirk;

struct VpqState {
    SysBusDevice parent_obj;

    MemoryRegion regs;
    QLIST_HEAD(, VpqQuirk) quirks;
    uint32_t nr_windows;
};

static uint64_t vpq_regs_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void vpq_regs_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
}

static const MemoryRegionOps vpq_regs_ops = {
    .read = vpq_regs_read,
    .write = vpq_regs_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static uint64_t vpq_window_read(void *opaque, hwaddr addr, unsigned size)
{
    VpqQuirk *quirk = opaque;

    return quirk->window_addr;
}

static void vpq_window_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    VpqQuirk *quirk = opaque;

    quirk->window_addr = val;
}

static const MemoryRegionOps vpq_window_ops = {
    .read = vpq_window_read,
    .write = vpq_window_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void vpq_add_window_quirk(VpqState *s, hwaddr offset)
{
    VpqQuirk *quirk = g_new0(VpqQuirk, 1);
    int i;

    quirk->nr_mem = 2;
    quirk->mem = g_new0(MemoryRegion, quirk->nr_mem);
    for (i = 0; i < quirk->nr_mem; i++) {
        memory_region_init_io(&quirk->mem[i], OBJECT(s), &vpq_window_ops,
                              quirk, "vpq-window-quirk", 4);
        memory_region_add_subregion_overlap(&s->regs, offset + i * 4,
                                            &quirk->mem[i], 1);
    }
    QLIST_INSERT_HEAD(&s->quirks, quirk, next);
}

static void vpq_realize(DeviceState *dev, Error **errp)
{
    VpqState *s = VPQ(dev);
    uint32_t i;

    memory_region_init_io(&s->regs, OBJECT(s), &vpq_regs_ops, s, "vpq-regs",
                          0x10000);
    QLIST_INIT(&s->quirks);
    for (i = 0; i < s->nr_windows; i++) {
        vpq_add_window_quirk(s, 0x2000 + i * 0x100);
    }
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->regs);
}

static void vpq_instance_init(Object *obj)
{
    VpqState *s = VPQ(obj);

    s->nr_windows = 2;
}

static void vpq_instance_finalize(Object *obj)
{
    VpqState *s = VPQ(obj);
    VpqQuirk *quirk, *tmp;

    QLIST_FOREACH_SAFE(quirk, &s->quirks, next, tmp) {
        QLIST_REMOVE(quirk, next);
        g_free(quirk->mem);
        g_free(quirk);
    }
}

static void vpq_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = vpq_realize;
}

static const TypeInfo vpq_info = {
    .name              = TYPE_VPQ,
    .parent            = TYPE_SYS_BUS_DEVICE,
    .instance_size     = sizeof(VpqState),
    .instance_init     = vpq_instance_init,
    .instance_finalize = vpq_instance_finalize,
    .class_init        = vpq_class_init,
};

static void vpq_register_types(void)
{
    type_register_static(&vpq_info);
}

type_init(vpq_register_types)
