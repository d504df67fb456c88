/*
 * PCI device that allocates its DMA address space on the heap and, at
 * exit, destroys it and frees it at once: the RCU destroy callback later
 * runs on freed memory.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_HEAPAS "heapas"
OBJECT_DECLARE_SIMPLE_TYPE(HeapasState, HEAPAS)

struct HeapasState {
    PCIDevice parent_obj;

    MemoryRegion regs;
    AddressSpace *as;
};

static void heapas_realize(PCIDevice *pdev, Error **errp)
{
    HeapasState *s = HEAPAS(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), NULL, s, "heapas", 0x40);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    s->as = g_new0(AddressSpace, 1);
    address_space_init(s->as, get_system_memory(), "heapas-dma");
}

static void heapas_exit(PCIDevice *pdev)
{
    HeapasState *s = HEAPAS(pdev);

    address_space_destroy(s->as);
    // BUG: MR007 right after address_space_destroy
    g_free(s->as);
    s->as = NULL;
}

static void heapas_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = heapas_realize;
    k->exit = heapas_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1312;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo heapas_info = {
    .name          = TYPE_HEAPAS,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(HeapasState),
    .class_init    = heapas_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void heapas_register_types(void)
{
    type_register_static(&heapas_info);
}

type_init(heapas_register_types)
