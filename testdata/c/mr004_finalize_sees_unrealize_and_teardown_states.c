/*
 * Hot-pluggable PCI sampler.  instance_finalize runs after unplug (so
 * after exit) or at machine teardown without exit; both states reach it.
 *
 * - exit swaps the sample buffer for a fresh heap region "for the next
 *   realize": the one instance_finalize then touches is the one exit made,
 *   owned by the device and dropped with its child properties (the one
 *   realize made and unparented at once is no longer the device's).
 * - the capture windows belong to the bus controller and are deleted from
 *   system memory in exit only: at machine teardown they are still mapped
 *   when instance_finalize unparents them.
 * - exit re-creates the shadow as an owner-less alias: unparenting it in
 *   instance_finalize really finalizes it, while system memory maps it.
 * - instance_finalize frees the status block, then still maps it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_SAMPLER "sampler"
OBJECT_DECLARE_SIMPLE_TYPE(SamplerState, SAMPLER)

#define SAMPLER_NR_WINDOWS 2
#define SAMPLER_BASE 0xfd000000

struct SamplerState {
    PCIDevice parent_obj;

    Object *controller;
    MemoryRegion *buf;
    MemoryRegion *status;
    MemoryRegion windows[SAMPLER_NR_WINDOWS];
    MemoryRegion regs;
    MemoryRegion shadow;
};

static uint64_t sampler_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void sampler_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
}

static const MemoryRegionOps sampler_ops = {
    .read = sampler_read,
    .write = sampler_write,
};

static void sampler_instance_init(Object *obj)
{
    SamplerState *s = SAMPLER(obj);

    s->status = g_new0(MemoryRegion, 1);
    memory_region_init_io(s->status, OBJECT(s), &sampler_ops, s,
                          "sampler-status", 0x100);
}

static void sampler_realize(PCIDevice *pdev, Error **errp)
{
    SamplerState *s = SAMPLER(pdev);

    s->buf = g_new0(MemoryRegion, 1);
    memory_region_init_io(s->buf, OBJECT(s), &sampler_ops, s,
                          "sampler-buf", 0x1000);
    object_unparent(OBJECT(s->buf));

    memory_region_init_io(&s->windows[1], s->controller, &sampler_ops, s,
                          "sampler-window", 0x100);
    memory_region_add_subregion(get_system_memory(), SAMPLER_BASE,
                                &s->windows[1]);

    memory_region_init_io(&s->regs, OBJECT(s), &sampler_ops, s,
                          "sampler-regs", 0x100);
    memory_region_init_io(&s->shadow, OBJECT(s), &sampler_ops, s,
                          "sampler-shadow", 0x100);
}

static void sampler_exit(PCIDevice *pdev)
{
    SamplerState *s = SAMPLER(pdev);

    s->buf = g_new0(MemoryRegion, 1);
    memory_region_init_io(s->buf, OBJECT(s), &sampler_ops, s,
                          "sampler-buf", 0x1000);

    memory_region_del_subregion(get_system_memory(), &s->windows[1]);

    object_unparent(OBJECT(&s->shadow));
    memory_region_init_alias(&s->shadow, NULL, "sampler-shadow", &s->regs,
                             0, 0x100);
}

static void sampler_instance_finalize(Object *obj)
{
    SamplerState *s = SAMPLER(obj);

    // BUG: MR004 object_unparent(s->buf) in instance_finalize is a no-op
    object_unparent(OBJECT(s->buf));
    g_free(s->buf);

    // BUG: MR002 still be mapped in system_memory
    object_unparent(OBJECT(&s->windows[1]));

    // BUG: MR004 uses a region that was finalized
    memory_region_add_subregion(get_system_memory(), SAMPLER_BASE + 0x1000,
                                &s->shadow);
    // BUG: MR002 still be mapped in system_memory
    // BUG: MR004 object_unparent(s->shadow) in instance_finalize is a no-op
    object_unparent(OBJECT(&s->shadow));

    g_free(s->status);
    // BUG: MR004 uses a region that was finalized
    memory_region_add_subregion(get_system_memory(), SAMPLER_BASE + 0x2000,
                                s->status);
}

static void sampler_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = sampler_realize;
    k->exit = sampler_exit;
}

static const TypeInfo sampler_info = {
    .name              = TYPE_SAMPLER,
    .parent            = TYPE_PCI_DEVICE,
    .instance_size     = sizeof(SamplerState),
    .instance_init     = sampler_instance_init,
    .instance_finalize = sampler_instance_finalize,
    .class_init        = sampler_class_init,
    .interfaces        = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void sampler_register_types(void)
{
    type_register_static(&sampler_info);
}

type_init(sampler_register_types)
