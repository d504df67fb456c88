/*
 * Overlay frame on another device's regions (the host, reached through a
 * link property).  The device keeps a pointer to the frame and a reference
 * on it.  At exit it unparents the frame first: under the refcount series
 * the reference keeps the frame alive, with the pane still mapped in it,
 * so unparenting the pane next drops it while it is mapped.  (Under
 * legacy and current semantics the reference is on the host, the frame is
 * finalized by its unparent and its subregions are deleted with it.)
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_OVLFRAME "ovlframe"
OBJECT_DECLARE_SIMPLE_TYPE(OvlframeState, OVLFRAME)

struct OvlframeState {
    PCIDevice parent_obj;

    Object *host;
    MemoryRegion *frame;
    MemoryRegion pane;
};

static const MemoryRegionOps ovlframe_pane_ops;

static void ovlframe_realize(PCIDevice *pdev, Error **errp)
{
    OvlframeState *s = OVLFRAME(pdev);

    s->frame = g_new0(MemoryRegion, 1);
    memory_region_init(s->frame, s->host, "ovlframe.frame", 0x10000);
    memory_region_init_io(&s->pane, s->host, &ovlframe_pane_ops, s,
                          "ovlframe.pane", 0x100);
    memory_region_add_subregion(s->frame, 0, &s->pane);
    memory_region_ref(s->frame);
}

static void ovlframe_exit(PCIDevice *pdev)
{
    OvlframeState *s = OVLFRAME(pdev);

    object_unparent(OBJECT(s->frame));
    // BUG(refcount): MR002 object_unparent(s->pane) while it may still be mapped in s->frame
    object_unparent(OBJECT(&s->pane));
    memory_region_unref(s->frame);
}

static void ovlframe_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = ovlframe_realize;
    k->exit = ovlframe_exit;
}

static const TypeInfo ovlframe_info = {
    .name          = TYPE_OVLFRAME,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(OvlframeState),
    .class_init    = ovlframe_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void ovlframe_register_types(void)
{
    type_register_static(&ovlframe_info);
}

type_init(ovlframe_register_types)
