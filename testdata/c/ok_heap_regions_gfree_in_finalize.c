// OK: MR003 g_free of the heap array of regions the device owns, in instance_finalize
// OK: MR001 sysbus device: never unrealized
// OK: MR002 nothing is unparented
/*
 * Per-CPU interrupt controller interface: one region per CPU, allocated
 * as a heap array (g_new0) in realize, owned by the device, exported with
 * sysbus_init_mmio.  instance_finalize frees the array: QOM has already
 * finalized the regions (the device's children) by then.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_HEAPREGS "heapregs-gic"
OBJECT_DECLARE_SIMPLE_TYPE(HeapregsState, HEAPREGS)

struct HeapregsState {
    SysBusDevice parent_obj;

    MemoryRegion *cpu_iomem;
    uint32_t num_cpu;
    uint32_t *priority_mask;
};

static uint64_t heapregs_cpu_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void heapregs_cpu_write(void *opaque, hwaddr addr, uint64_t val,
                               unsigned size)
{
}

static const MemoryRegionOps heapregs_cpu_ops = {
    .read = heapregs_cpu_read,
    .write = heapregs_cpu_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void heapregs_realize(DeviceState *dev, Error **errp)
{
    HeapregsState *s = HEAPREGS(dev);
    uint32_t i;

    if (s->num_cpu == 0 || s->num_cpu > 8) {
        error_setg(errp, "heapregs: num-cpu must be between 1 and 8");
        return;
    }
    s->cpu_iomem = g_new0(MemoryRegion, s->num_cpu);
    s->priority_mask = g_new0(uint32_t, s->num_cpu);
    for (i = 0; i < s->num_cpu; i++) {
        memory_region_init_io(&s->cpu_iomem[i], OBJECT(s), &heapregs_cpu_ops,
                              s, "heapregs-cpu", 0x1000);
        sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->cpu_iomem[i]);
    }
}

static void heapregs_instance_init(Object *obj)
{
    HeapregsState *s = HEAPREGS(obj);

    s->num_cpu = 1;
}

static void heapregs_instance_finalize(Object *obj)
{
    HeapregsState *s = HEAPREGS(obj);

    g_free(s->priority_mask);
    g_free(s->cpu_iomem);
}

static void heapregs_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = heapregs_realize;
}

static const TypeInfo heapregs_info = {
    .name              = TYPE_HEAPREGS,
    .parent            = TYPE_SYS_BUS_DEVICE,
    .instance_size     = sizeof(HeapregsState),
    .instance_init     = heapregs_instance_init,
    .instance_finalize = heapregs_instance_finalize,
    .class_init        = heapregs_class_init,
};

static void heapregs_register_types(void)
{
    type_register_static(&heapregs_info);
}

type_init(heapregs_register_types)
