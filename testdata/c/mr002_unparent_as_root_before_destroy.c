// OK: MR001 the address space over the own root is destroyed in exit
/*
 * PCI accelerator with a private DMA address space.  exit unparents the
 * root region first and destroys the address space afterwards, so the
 * root is dropped while a live address space still renders it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_ASROOT "asroot-accel"
OBJECT_DECLARE_SIMPLE_TYPE(AsrootState, ASROOT)

struct AsrootState {
    PCIDevice parent_obj;

    MemoryRegion dma_root;
    AddressSpace dma_as;
};

static void asroot_realize(PCIDevice *pdev, Error **errp)
{
    AsrootState *s = ASROOT(pdev);

    memory_region_init(&s->dma_root, OBJECT(s), "asroot-dma-root", UINT64_MAX);
    address_space_init(&s->dma_as, &s->dma_root, "asroot-dma");
}

static void asroot_exit(PCIDevice *pdev)
{
    AsrootState *s = ASROOT(pdev);

    // BUG: MR002
    object_unparent(OBJECT(&s->dma_root));
    address_space_destroy(&s->dma_as);
}

static void asroot_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = asroot_realize;
    k->exit = asroot_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1102;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo asroot_info = {
    .name          = TYPE_ASROOT,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(AsrootState),
    .class_init    = asroot_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_PCIE_DEVICE },
        { },
    },
};

static void asroot_register_types(void)
{
    type_register_static(&asroot_info);
}

type_init(asroot_register_types)
