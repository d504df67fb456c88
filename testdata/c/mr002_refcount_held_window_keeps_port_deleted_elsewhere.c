/*
 * Hot-pluggable PCI serial card with a port window (a container) holding
 * its data port, mapped into system memory when the guest enables it.
 * Exit releases the window first, then deletes the data port from system
 * memory, where an older revision of the card mapped it directly, and
 * unparents it.
 *
 * With the refcount series system memory's reference keeps the window
 * alive past its unparent, with the data port still inside it: the delete
 * from system memory fails QEMU's assertion (the port is in the window)
 * and unmaps nothing, so the port is unparented while mapped.  Under
 * legacy and current semantics the window's unparent finalizes it and
 * deletes the port from it.
 *
 * The status port goes the same way but is deleted from its own window,
 * which the refcount series keeps alive: that delete does unmap it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_SERWIN "serwin"
OBJECT_DECLARE_SIMPLE_TYPE(SerwinState, SERWIN)

#define SERWIN_DATA_BASE   0xfe100000
#define SERWIN_STATUS_BASE 0xfe110000

struct SerwinState {
    PCIDevice parent_obj;

    MemoryRegion data_window;
    MemoryRegion data;
    MemoryRegion status_window;
    MemoryRegion status;
};

static uint64_t serwin_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void serwin_enable_write(void *opaque, hwaddr addr, uint64_t val,
                                unsigned size)
{
    SerwinState *s = opaque;

    memory_region_add_subregion(get_system_memory(), SERWIN_DATA_BASE,
                                &s->data_window);
    memory_region_add_subregion(&s->data_window, 0, &s->data);
    memory_region_add_subregion(get_system_memory(), SERWIN_STATUS_BASE,
                                &s->status_window);
    memory_region_add_subregion(&s->status_window, 0, &s->status);
}

static const MemoryRegionOps serwin_enable_ops = {
    .read = serwin_read,
    .write = serwin_enable_write,
};

static void serwin_instance_init(Object *obj)
{
    SerwinState *s = SERWIN(obj);

    memory_region_init_io(&s->data, OBJECT(s), &serwin_enable_ops, s,
                          "serwin-data", 0x100);
    memory_region_init_io(&s->status, OBJECT(s), &serwin_enable_ops, s,
                          "serwin-status", 0x100);
}

static void serwin_realize(PCIDevice *pdev, Error **errp)
{
    SerwinState *s = SERWIN(pdev);

    memory_region_init(&s->data_window, OBJECT(s), "serwin-data-window",
                       0x10000);
    memory_region_init(&s->status_window, OBJECT(s), "serwin-status-window",
                       0x10000);
}

static void serwin_windows_release(SerwinState *s)
{
    // BUG: MR002 s->data_window
    object_unparent(OBJECT(&s->data_window));
    // BUG: MR002 s->status_window
    object_unparent(OBJECT(&s->status_window));
}

static void serwin_exit(PCIDevice *pdev)
{
    SerwinState *s = SERWIN(pdev);

    serwin_windows_release(s);
    memory_region_del_subregion(get_system_memory(), &s->data);
    // BUG(refcount): MR002 still be mapped in s->data_window
    object_unparent(OBJECT(&s->data));

    memory_region_del_subregion(&s->status_window, &s->status);
    // OK: MR002 deleted from the window that still holds it under refcount
    object_unparent(OBJECT(&s->status));
}

static void serwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = serwin_realize;
    k->exit = serwin_exit;
}

static const TypeInfo serwin_info = {
    .name          = TYPE_SERWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(SerwinState),
    .instance_init = serwin_instance_init,
    .class_init    = serwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void serwin_register_types(void)
{
    type_register_static(&serwin_info);
}

type_init(serwin_register_types)
