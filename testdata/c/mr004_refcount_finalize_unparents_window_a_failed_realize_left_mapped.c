/*
 * PCI trace window.  realize leaves an owner-less placeholder container
 * in s->window when no size is set, and fails.  Otherwise it makes the
 * window an I/O region of the device, maps it into system memory, and
 * fails if no chardev is attached, without unmapping it.  exit unmaps it;
 * instance_finalize unparents it.
 *
 * Under legacy and current semantics the mapping left by the failing
 * realize holds the device, so instance_finalize never runs on that path.
 * Under refcount the device is finalized.  Dropping its child properties
 * unparents the window (the mapping keeps it alive), so the unparent in
 * instance_finalize is a no-op, not an unparent while mapped.  The
 * placeholder path maps nothing.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "chardev/char-fe.h"
#include "qom/object.h"

#define TYPE_TRCWIN "trcwin"
OBJECT_DECLARE_SIMPLE_TYPE(TrcwinState, TRCWIN)

struct TrcwinState {
    PCIDevice parent_obj;

    MemoryRegion window;
    CharBackend chr;
    uint64_t size;
};

static uint64_t trcwin_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void trcwin_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
}

static const MemoryRegionOps trcwin_ops = {
    .read = trcwin_read,
    .write = trcwin_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void trcwin_realize(PCIDevice *pdev, Error **errp)
{
    TrcwinState *s = TRCWIN(pdev);

    if (!s->size) {
        memory_region_init(&s->window, NULL, "trcwin-stub", 0x1000);
        error_setg(errp, "trcwin: size must be set");
        return;
    }
    memory_region_init_io(&s->window, OBJECT(s), &trcwin_ops, s,
                          "trcwin", s->size);
    // BUG(legacy,current): MR005 failing realize
    memory_region_add_subregion(get_system_memory(), 0xfe000000, &s->window);
    if (!qemu_chr_fe_backend_connected(&s->chr)) {
        error_setg(errp, "trcwin: chardev is required");
        return;
    }
}

static void trcwin_exit(PCIDevice *pdev)
{
    TrcwinState *s = TRCWIN(pdev);

    memory_region_del_subregion(get_system_memory(), &s->window);
}

static void trcwin_instance_finalize(Object *obj)
{
    TrcwinState *s = TRCWIN(obj);

    // OK: MR002 refcount: the child-property drop unparented the window on the path that mapped it
    // BUG: MR004 no-op
    object_unparent(OBJECT(&s->window));
}

static void trcwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = trcwin_realize;
    k->exit = trcwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10fe;
    k->class_id = PCI_CLASS_SYSTEM_OTHER;
}

static const TypeInfo trcwin_info = {
    .name          = TYPE_TRCWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(TrcwinState),
    .instance_finalize = trcwin_instance_finalize,
    .class_init    = trcwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void trcwin_register_types(void)
{
    type_register_static(&trcwin_info);
}

type_init(trcwin_register_types)
