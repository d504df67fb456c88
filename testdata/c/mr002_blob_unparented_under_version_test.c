/*
 * Hot-pluggable PCI framebuffer whose blob support exists only with a recent
 * rendering library (#if VFBLOB_VERSION_MAJOR >= 1, which no configuration
 * of the scan defines).  exit releases the blob and the host window through
 * helpers compiled only then: the blob is unparented while still in the BAR
 * (a bug), the host window is deleted from the BAR first (fine).  Both are
 * analysed only by the second parse, which defines the version macro.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_VFBLOB "vfblob"
OBJECT_DECLARE_SIMPLE_TYPE(VfblobState, VFBLOB)

struct VfblobState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion blob;
    MemoryRegion host;
};

static void vfblob_realize(PCIDevice *pdev, Error **errp)
{
    VfblobState *s = VFBLOB(pdev);

    memory_region_init(&s->bar, OBJECT(s), "vfblob-bar", 0x100000);
    memory_region_init_ram(&s->blob, OBJECT(s), "vfblob-blob", 0x10000, errp);
    // BUG(legacy): MR001 s->blob
    memory_region_add_subregion(&s->bar, 0, &s->blob);
    memory_region_init_ram(&s->host, OBJECT(s), "vfblob-host", 0x10000, errp);
    memory_region_add_subregion(&s->bar, 0x10000, &s->host);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

#if VFBLOB_VERSION_MAJOR >= 1
static void vfblob_blob_release(VfblobState *s)
{
    // BUG: MR002 s->blob
    object_unparent(OBJECT(&s->blob));
}

static void vfblob_host_release(VfblobState *s)
{
    memory_region_del_subregion(&s->bar, &s->host);
    // OK: MR002 the host window leaves the BAR before it is unparented
    object_unparent(OBJECT(&s->host));
}
#endif

static void vfblob_exit(PCIDevice *pdev)
{
    VfblobState *s = VFBLOB(pdev);

#if VFBLOB_VERSION_MAJOR >= 1
    vfblob_blob_release(s);
    vfblob_host_release(s);
#endif
}

static void vfblob_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = vfblob_realize;
    k->exit = vfblob_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1339;
    k->class_id = PCI_CLASS_DISPLAY_OTHER;
}

static const TypeInfo vfblob_info = {
    .name          = TYPE_VFBLOB,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(VfblobState),
    .class_init    = vfblob_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void vfblob_register_types(void)
{
    type_register_static(&vfblob_info);
}

type_init(vfblob_register_types)
