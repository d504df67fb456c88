/*
 * A PCI paravirtual doorbell whose BAR region is created with owner NULL.
 * The region is embedded in the device state: when the device is unplugged,
 * QOM frees that state after instance_finalize, and the region dies with it
 * while /machine/unattached still holds it as a child and nothing counts
 * references on it (an in-flight access or a flatview may still use it).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PVBELL "pvbell"
OBJECT_DECLARE_SIMPLE_TYPE(PvBellState, PVBELL)

struct PvBellState {
    PCIDevice parent_obj;

    MemoryRegion doorbell;
    MemoryRegion window;
    MemoryRegion scratch;
    uint32_t rung;
};

static uint64_t pvbell_read(void *opaque, hwaddr addr, unsigned size)
{
    PvBellState *s = opaque;

    return s->rung;
}

static void pvbell_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
    PvBellState *s = opaque;

    s->rung++;
}

static const MemoryRegionOps pvbell_ops = {
    .read = pvbell_read,
    .write = pvbell_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void pvbell_realize(PCIDevice *pdev, Error **errp)
{
    PvBellState *s = PVBELL(pdev);

    // BUG: MR003 doorbell is created with owner NULL inside the instance storage of TYPE_PVBELL
    memory_region_init_io(&s->doorbell, NULL, &pvbell_ops, s,
                          "pvbell-doorbell", 0x1000);
    pci_register_bar(pdev, 1, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->doorbell);

    /* an owner-less container or alias may die at any time: not flagged */
    memory_region_init(&s->window, NULL, "pvbell-window", 0x2000);
    memory_region_init_alias(&s->scratch, NULL, "pvbell-scratch", &s->doorbell,
                             0, 0x100);
    memory_region_add_subregion(&s->window, 0, &s->scratch);
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->window);
}

static void pvbell_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pvbell_realize;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1303;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo pvbell_info = {
    .name          = TYPE_PVBELL,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PvBellState),
    .class_init    = pvbell_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pvbell_register_types(void)
{
    type_register_static(&pvbell_info);
}

type_init(pvbell_register_types)
