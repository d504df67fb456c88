/*
 * PCI sound card whose instance_finalize publishes its register bank (the
 * device's own container) in system memory, maps an owner-less alias of the
 * sample RAM into the bank and then unparents the alias.  QOM finalized the
 * bank with the device's child properties before instance_finalize ran, and
 * nothing held it: both adds use a finalized region and map nothing, under
 * every semantics (also under the refcount series: the bank was never put
 * in system memory, so nothing keeps it alive).  The alias was never mapped,
 * so its unparent is no unparent while mapped.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_SNDBANK "sndbank"
OBJECT_DECLARE_SIMPLE_TYPE(SndbankState, SNDBANK)

struct SndbankState {
    PCIDevice parent_obj;

    MemoryRegion bank;
    MemoryRegion samples;
    MemoryRegion samples_window;
};

static void sndbank_instance_init(Object *obj)
{
    SndbankState *s = SNDBANK(obj);

    memory_region_init(&s->bank, OBJECT(s), "sndbank-bank", 0x10000);
    memory_region_init_ram(&s->samples, OBJECT(s), "sndbank-samples", 0x1000, &error_fatal);
    memory_region_init_alias(&s->samples_window, NULL, "sndbank-window", &s->samples, 0, 0x100);
}

static void sndbank_realize(PCIDevice *pdev, Error **errp)
{
}

static void sndbank_instance_finalize(Object *obj)
{
    SndbankState *s = SNDBANK(obj);

    // BUG: MR004 memory_region_add_subregion(s->bank)
    memory_region_add_subregion(get_system_memory(), 0xfe000000, &s->bank);
    // BUG: MR004 memory_region_add_subregion(s->samples_window)
    memory_region_add_subregion(&s->bank, 0x100, &s->samples_window);
    // OK: MR002 the add into the finalized bank mapped nothing
    object_unparent(OBJECT(&s->samples_window));
}

static void sndbank_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = sndbank_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10fa;
    k->class_id = PCI_CLASS_MULTIMEDIA_AUDIO;
}

static const TypeInfo sndbank_info = {
    .name          = TYPE_SNDBANK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(SndbankState),
    .instance_init = sndbank_instance_init,
    .instance_finalize = sndbank_instance_finalize,
    .class_init    = sndbank_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void sndbank_register_types(void)
{
    type_register_static(&sndbank_info);
}

type_init(sndbank_register_types)
