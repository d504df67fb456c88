/*
 * PCI serial card that forwards a legacy ISA port range to its I/O BAR
 * through an alias window in the bus I/O space.  The window is torn down
 * by a helper in helpers.c, which forgets to unmap it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"
#include "xwin.h"

#define TYPE_XWIN "xwin-serial"
OBJECT_DECLARE_SIMPLE_TYPE(XwinState, XWIN)

struct XwinState {
    PCIDevice parent_obj;

    MemoryRegion io_bar;
    XwinWindow legacy;
    uint8_t regs[8];
};

static uint64_t xwin_io_read(void *opaque, hwaddr addr, unsigned size)
{
    XwinState *s = opaque;

    return s->regs[addr & 7];
}

static void xwin_io_write(void *opaque, hwaddr addr, uint64_t val,
                          unsigned size)
{
    XwinState *s = opaque;

    s->regs[addr & 7] = val;
}

static const MemoryRegionOps xwin_io_ops = {
    .read = xwin_io_read,
    .write = xwin_io_write,
    .impl = {
        .min_access_size = 1,
        .max_access_size = 1,
    },
};

static void xwin_realize(PCIDevice *pdev, Error **errp)
{
    XwinState *s = XWIN(pdev);
    g_autofree char *name = g_strdup_printf("xwin-legacy-%x",
                                            (unsigned)s->legacy.base);

    memory_region_init_io(&s->io_bar, OBJECT(s), &xwin_io_ops, s, "xwin-io", 8);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_IO, &s->io_bar);

    memory_region_init_alias(&s->legacy.alias, OBJECT(s), name, &s->io_bar, 0,
                             s->legacy.size);
    // BUG(legacy,current): MR005
    memory_region_add_subregion(pci_address_space_io(pdev), s->legacy.base,
                                &s->legacy.alias);
}

static void xwin_exit(PCIDevice *pdev)
{
    XwinState *s = XWIN(pdev);

    xwin_window_destroy(&s->legacy);
}

static void xwin_instance_init(Object *obj)
{
    XwinState *s = XWIN(obj);

    s->legacy.base = 0x3f8;
    s->legacy.size = 8;
}

static void xwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = xwin_realize;
    k->exit = xwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1101;
    k->class_id = PCI_CLASS_COMMUNICATION_SERIAL;
}

static const TypeInfo xwin_info = {
    .name          = TYPE_XWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(XwinState),
    .instance_init = xwin_instance_init,
    .class_init    = xwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void xwin_register_types(void)
{
    type_register_static(&xwin_info);
}

type_init(xwin_register_types)
