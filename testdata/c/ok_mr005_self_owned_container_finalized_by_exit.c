/*
 * Hot-pluggable PCI staging buffer whose staging container is created owning
 * itself (MR009).  A device-owned alias of the container is mapped inside
 * it at realize; exit unparents the container and never deletes the alias.
 *
 * Under legacy and current semantics memory_region_init_alias takes no
 * reference on its target, so the container's only reference is the child
 * property it holds on itself: the unparent finalizes it, and finalizing a
 * container deletes its subregions.  Nothing is left mapped in a container
 * the device does not own, so this is not MR005.  (Under refcount semantics
 * qdev deletes the mapping itself after unrealize.)
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_STAGEBUF "stagebuf"
OBJECT_DECLARE_SIMPLE_TYPE(StagebufState, STAGEBUF)

struct StagebufState {
    PCIDevice parent_obj;

    MemoryRegion staging;
    MemoryRegion staging_view;
};

static void stagebuf_instance_init(Object *obj)
{
    StagebufState *s = STAGEBUF(obj);

    // BUG: MR009 initialized with itself as owner
    memory_region_init(&s->staging, OBJECT(&s->staging), "stagebuf-staging", 0x10000);
    memory_region_init_alias(&s->staging_view, OBJECT(s), "stagebuf-staging-view",
                             &s->staging, 0, 0x100);
}

static void stagebuf_realize(PCIDevice *pdev, Error **errp)
{
    StagebufState *s = STAGEBUF(pdev);

    // OK: MR005 the container is finalized by exit's unparent, which deletes its subregions
    memory_region_add_subregion(&s->staging, 0x200, &s->staging_view);
}

static void stagebuf_exit(PCIDevice *pdev)
{
    StagebufState *s = STAGEBUF(pdev);

    object_unparent(OBJECT(&s->staging));
}

static void stagebuf_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = stagebuf_realize;
    k->exit = stagebuf_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1355;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo stagebuf_info = {
    .name          = TYPE_STAGEBUF,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(StagebufState),
    .instance_init = stagebuf_instance_init,
    .class_init    = stagebuf_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void stagebuf_register_types(void)
{
    type_register_static(&stagebuf_info);
}

type_init(stagebuf_register_types)
