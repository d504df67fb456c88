// OK: MR001 under current and refcount: the same-owner capability subregions are auto-detached
/*
 * A virtio-pci-like transport whose modern BAR is a container of
 * capability regions, all owned by the transport device.  realize maps
 * them through a helper in regions.c; exit forgets to unmap them.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"
#include "nvcap.h"

#define TYPE_NVCAP "nvcap-pci"
OBJECT_DECLARE_SIMPLE_TYPE(NvcapState, NVCAP)

struct NvcapState {
    PCIDevice parent_obj;

    MemoryRegion modern_bar;
    NvcapRegion common;
    NvcapRegion notify;
    uint32_t guest_features;
};

static uint64_t nvcap_common_read(void *opaque, hwaddr addr, unsigned size)
{
    NvcapState *s = opaque;

    return s->guest_features;
}

static void nvcap_common_write(void *opaque, hwaddr addr, uint64_t val,
                               unsigned size)
{
    NvcapState *s = opaque;

    s->guest_features = val;
}

static const MemoryRegionOps nvcap_common_ops = {
    .read = nvcap_common_read,
    .write = nvcap_common_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static uint64_t nvcap_notify_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void nvcap_notify_write(void *opaque, hwaddr addr, uint64_t val,
                               unsigned size)
{
}

static const MemoryRegionOps nvcap_notify_ops = {
    .read = nvcap_notify_read,
    .write = nvcap_notify_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void nvcap_realize(PCIDevice *pdev, Error **errp)
{
    NvcapState *s = NVCAP(pdev);

    memory_region_init(&s->modern_bar, OBJECT(s), "nvcap-modern", 0x4000);

    s->common.offset = 0;
    s->common.size = 0x1000;
    memory_region_init_io(&s->common.mr, OBJECT(s), &nvcap_common_ops, s,
                          "nvcap-common", s->common.size);
    nvcap_region_map(&s->common, &s->modern_bar);

    s->notify.offset = 0x3000;
    s->notify.size = 0x1000;
    memory_region_init_io(&s->notify.mr, OBJECT(s), &nvcap_notify_ops, s,
                          "nvcap-notify", s->notify.size);
    nvcap_region_map(&s->notify, &s->modern_bar);

    pci_register_bar(pdev, 4, PCI_BASE_ADDRESS_SPACE_MEMORY |
                     PCI_BASE_ADDRESS_MEM_TYPE_64, &s->modern_bar);
}

static void nvcap_exit(PCIDevice *pdev)
{
    NvcapState *s = NVCAP(pdev);

    s->guest_features = 0;
}

static void nvcap_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = nvcap_realize;
    k->exit = nvcap_exit;
    k->vendor_id = PCI_VENDOR_ID_REDHAT_QUMRANET;
    k->device_id = 0x10f8;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo nvcap_info = {
    .name          = TYPE_NVCAP,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(NvcapState),
    .class_init    = nvcap_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_PCIE_DEVICE },
        { },
    },
};

static void nvcap_register_types(void)
{
    type_register_static(&nvcap_info);
}

type_init(nvcap_register_types)
