/*
 * PCI device with a private DMA address space over a root container it
 * owns.  exit removes the window from the root but leaves the address
 * space alive; the destroy in instance_finalize never runs, because the
 * address space holds a reference on the device through its root.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_DMAROOT "dmaroot"
OBJECT_DECLARE_SIMPLE_TYPE(DmarootState, DMAROOT)

struct DmarootState {
    PCIDevice parent_obj;

    MemoryRegion dma_root;
    MemoryRegion dma_window;
    AddressSpace dma_as;
    uint64_t window_size;
};

static void dmaroot_realize(PCIDevice *pdev, Error **errp)
{
    DmarootState *s = DMAROOT(pdev);

    memory_region_init(&s->dma_root, OBJECT(s), "dmaroot-root", UINT64_MAX);
    memory_region_init_alias(&s->dma_window, OBJECT(s), "dmaroot-window",
                             get_system_memory(), 0, s->window_size);
    memory_region_add_subregion(&s->dma_root, 0, &s->dma_window);
    // BUG: MR001
    address_space_init(&s->dma_as, &s->dma_root, "dmaroot-dma");
}

static void dmaroot_exit(PCIDevice *pdev)
{
    DmarootState *s = DMAROOT(pdev);

    memory_region_del_subregion(&s->dma_root, &s->dma_window);
}

static void dmaroot_instance_finalize(Object *obj)
{
    DmarootState *s = DMAROOT(obj);

    address_space_destroy(&s->dma_as);
}

static void dmaroot_instance_init(Object *obj)
{
    DmarootState *s = DMAROOT(obj);

    s->window_size = 4 * GiB;
}

static void dmaroot_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = dmaroot_realize;
    k->exit = dmaroot_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f3;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo dmaroot_info = {
    .name              = TYPE_DMAROOT,
    .parent            = TYPE_PCI_DEVICE,
    .instance_size     = sizeof(DmarootState),
    .instance_init     = dmaroot_instance_init,
    .instance_finalize = dmaroot_instance_finalize,
    .class_init        = dmaroot_class_init,
    .interfaces        = (const InterfaceInfo[]) {
        { INTERFACE_PCIE_DEVICE },
        { },
    },
};

static void dmaroot_register_types(void)
{
    type_register_static(&dmaroot_info);
}

type_init(dmaroot_register_types)
