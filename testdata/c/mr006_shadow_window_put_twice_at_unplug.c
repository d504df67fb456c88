// OK: MR006 the window is owned by the link target and pinned once in realize: exit's put gives that reference back
/*
 * PCI device that borrows the window of the device at the other end of its
 * link: it allocates the window's storage itself, lets the linked device
 * own it, and pins it while it is plugged.  exit gives the pin back through
 * a helper, and instance_finalize calls the same helper again: the second
 * unref drops a reference the device never took, on the linked device.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_SHADOWWIN "shadowwin"
OBJECT_DECLARE_SIMPLE_TYPE(ShadowWinState, SHADOWWIN)

struct ShadowWinState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion *window;
    DeviceState *target;
};

static uint64_t shadowwin_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static const MemoryRegionOps shadowwin_ops = {
    .read = shadowwin_read,
};

static void shadowwin_put_window(ShadowWinState *s)
{
    /* from instance_finalize, after exit put it already: */
    // BUG: MR006 memory_region_unref(s->window) gives back a reference this path does not hold
    memory_region_unref(s->window);
}

static void shadowwin_realize(PCIDevice *pdev, Error **errp)
{
    ShadowWinState *s = SHADOWWIN(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &shadowwin_ops, s, "shadowwin", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    s->window = g_new0(MemoryRegion, 1);
    memory_region_init_io(s->window, OBJECT(s->target), &shadowwin_ops, s,
                          "shadowwin-window", 0x1000);
    memory_region_ref(s->window);
}

static void shadowwin_exit(PCIDevice *pdev)
{
    ShadowWinState *s = SHADOWWIN(pdev);

    shadowwin_put_window(s);
}

static void shadowwin_instance_finalize(Object *obj)
{
    ShadowWinState *s = SHADOWWIN(obj);

    shadowwin_put_window(s);
}

static void shadowwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = shadowwin_realize;
    k->exit = shadowwin_exit;
}

static const TypeInfo shadowwin_info = {
    .name          = TYPE_SHADOWWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(ShadowWinState),
    .instance_finalize = shadowwin_instance_finalize,
    .class_init    = shadowwin_class_init,
};

static void shadowwin_register_types(void)
{
    type_register_static(&shadowwin_info);
}

type_init(shadowwin_register_types)
