/*
 * Hot-pluggable PCI device that pins its second BAR in realize and then
 * probes the same BAR through a helper, which takes and drops a reference
 * of its own.  Nothing ever drops realize's pin: the device references its
 * own region, and so itself (an owner cycle).
 *
 * The BARs are an array, which the analysis summarizes; the helper's unref
 * gives back the helper's reference only, not realize's, even where a later
 * branch joins the paths again.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_PROBEBAR "probebar"
OBJECT_DECLARE_SIMPLE_TYPE(ProbebarState, PROBEBAR)

struct ProbebarState {
    PCIDevice parent_obj;

    MemoryRegion bars[2];
    MemoryRegion doorbell;
    bool doorbell_enabled;
};

static uint64_t probebar_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void probebar_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
}

static const MemoryRegionOps probebar_ops = {
    .read = probebar_read,
    .write = probebar_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void probebar_probe(ProbebarState *s)
{
    memory_region_ref(&s->bars[1]);
    memory_region_unref(&s->bars[1]);
}

static void probebar_instance_init(Object *obj)
{
    ProbebarState *s = PROBEBAR(obj);

    memory_region_init(&s->bars[1], OBJECT(s), "probebar-bar1", 0x10000);
}

static void probebar_realize(PCIDevice *pdev, Error **errp)
{
    ProbebarState *s = PROBEBAR(pdev);

    // BUG: MR001
    memory_region_ref(&s->bars[1]);
    probebar_probe(s);
    memory_region_init_io(&s->doorbell, OBJECT(s), &probebar_ops, s, "probebar-doorbell", 0x100);
    if (s->doorbell_enabled) {
        // BUG(legacy): MR001 stays a subregion
        memory_region_add_subregion(&s->bars[1], 0x200, &s->doorbell);
    }
}

static void probebar_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = probebar_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1357;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo probebar_info = {
    .name          = TYPE_PROBEBAR,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(ProbebarState),
    .instance_init = probebar_instance_init,
    .class_init    = probebar_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void probebar_register_types(void)
{
    type_register_static(&probebar_info);
}

type_init(probebar_register_types)
