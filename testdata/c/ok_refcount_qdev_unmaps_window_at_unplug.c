/*
 * Hot-pluggable PCI framebuffer whose realize maps its aperture window
 * into system memory and makes a mirror of the framebuffer object's
 * registers (owned by that object).  Exit leaves the window in place and
 * parks the mirror in it; instance_finalize unparents the mirror.
 *
 * Legacy and current QEMU: the window stays in system memory after unplug
 * and keeps the device alive (MR005); when it is finalized at last, QOM has
 * dropped the window, whose finalization deleted the mirror from it.
 * With the refcount series qdev deletes the device's regions from their
 * containers after unrealize: the window leaves system memory and is
 * finalized with the device's children, taking the mirror out with it.  In
 * no semantics is the mirror still mapped when it is unparented.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_FBWIN "fbwin"
OBJECT_DECLARE_SIMPLE_TYPE(FbwinState, FBWIN)

struct FbwinState {
    PCIDevice parent_obj;

    MemoryRegion window;
    MemoryRegion mirror;
    Object *fb;
};

static uint64_t fbwin_mirror_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void fbwin_mirror_write(void *opaque, hwaddr addr, uint64_t val,
                               unsigned size)
{
}

static const MemoryRegionOps fbwin_mirror_ops = {
    .read = fbwin_mirror_read,
    .write = fbwin_mirror_write,
};

static void fbwin_realize(PCIDevice *pdev, Error **errp)
{
    FbwinState *s = FBWIN(pdev);

    memory_region_init(&s->window, OBJECT(s), "fbwin-window", 0x100000);
    // BUG(legacy,current): MR005 s->window
    memory_region_add_subregion(get_system_memory(), 0xe0000000, &s->window);
    memory_region_init_io(&s->mirror, s->fb, &fbwin_mirror_ops, s,
                          "fbwin-mirror", 0x100);
}

static void fbwin_exit(PCIDevice *pdev)
{
    FbwinState *s = FBWIN(pdev);

    memory_region_add_subregion(&s->window, 0x1000, &s->mirror);
}

static void fbwin_instance_finalize(Object *obj)
{
    FbwinState *s = FBWIN(obj);

    // OK: MR002 the window that held the mirror is finalized by then
    object_unparent(OBJECT(&s->mirror));
}

static void fbwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = fbwin_realize;
    k->exit = fbwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1351;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo fbwin_info = {
    .name          = TYPE_FBWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(FbwinState),
    .instance_finalize = fbwin_instance_finalize,
    .class_init    = fbwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void fbwin_register_types(void)
{
    type_register_static(&fbwin_info);
}

type_init(fbwin_register_types)
