/*
 * Hot-pluggable accelerator whose exit replaces its scratch RAM by a
 * machine-owned placeholder (owner NULL) so that late DMA completions land
 * somewhere, and whose instance_finalize unparents whatever the scratch
 * field names.  After a hot-unplug that is the owner-less placeholder: it
 * is destroyed although nothing reference counts it.  Without unrealize
 * (the device torn down right after realize) it is the device's own RAM,
 * already gone, and the unparent is a no-op.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_ACCEL "accel-card"
OBJECT_DECLARE_SIMPLE_TYPE(AccelState, ACCEL)

struct AccelState {
    PCIDevice parent_obj;

    MemoryRegion scratch;
};

static void accel_realize(PCIDevice *pdev, Error **errp)
{
    AccelState *s = ACCEL(pdev);

    if (!memory_region_init_ram(&s->scratch, OBJECT(s), "accel-scratch",
                                0x1000, errp)) {
        return;
    }
}

static void accel_exit(PCIDevice *pdev)
{
    AccelState *s = ACCEL(pdev);

    object_unparent(OBJECT(&s->scratch));
    memory_region_init_ram(&s->scratch, NULL, "accel-placeholder", 0x1000,
                           &error_fatal);
}

static void accel_instance_finalize(Object *obj)
{
    AccelState *s = ACCEL(obj);

    /*
     * After exit this is the owner-less placeholder (MR003); finalized without exit (realize failed
     * late, machine teardown) it is still the device's own region, already dropped with its child
     * properties, so the unparent is a no-op (MR004).
     */
    // BUG: MR003
    // BUG: MR004
    object_unparent(OBJECT(&s->scratch));
}

static void accel_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = accel_realize;
    k->exit = accel_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f7;
    k->class_id = PCI_CLASS_PROCESSOR_CO;
}

static const TypeInfo accel_info = {
    .name              = TYPE_ACCEL,
    .parent            = TYPE_PCI_DEVICE,
    .instance_size     = sizeof(AccelState),
    .instance_finalize = accel_instance_finalize,
    .class_init        = accel_class_init,
    .interfaces        = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void accel_register_types(void)
{
    type_register_static(&accel_info);
}

type_init(accel_register_types)
