/*
 * A PCI card whose teardown runs out of order: exit unparents its alias
 * window first and only then pins it through the shared hold helper. The
 * unparent finalized the alias (nothing else held it). Under the refcount
 * series the ref then touches a finalized region and takes no reference;
 * under legacy and current it only reads mr->owner, which finalization
 * leaves in place, and pins the card itself. Either way no other object's
 * region is kept: nothing for MR006. Likewise the retire helper,
 * run twice on an owner-less scratch region: before the unparent the ref
 * counts nothing (owner NULL), after it the region is finalized.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_WINPIN "winpin"
OBJECT_DECLARE_SIMPLE_TYPE(WinpinState, WINPIN)

struct WinpinState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion window;
    MemoryRegion *scratch;
};

static uint64_t winpin_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void winpin_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
}

static const MemoryRegionOps winpin_ops = {
    .read = winpin_read,
    .write = winpin_write,
};

static void winpin_hold(MemoryRegion *mr)
{
    // OK: MR006 the card's own region, finalized: no other object's region is kept
    memory_region_ref(mr);
}

static void winpin_retire(MemoryRegion *mr)
{
    // OK: MR006 owner NULL, then finalized: never a reference
    memory_region_ref(mr);
    // BUG: MR003 owner NULL
    object_unparent(OBJECT(mr));
}

static void winpin_instance_init(Object *obj)
{
    WinpinState *s = WINPIN(obj);

    memory_region_init_io(&s->bar, OBJECT(s), &winpin_ops, s, "winpin-bar", 0x100);
}

static void winpin_realize(PCIDevice *pdev, Error **errp)
{
    WinpinState *s = WINPIN(pdev);

    memory_region_init_alias(&s->window, OBJECT(s), "winpin-window", &s->bar, 0, 0x100);
    s->scratch = g_new0(MemoryRegion, 1);
    memory_region_init_io(s->scratch, NULL, &winpin_ops, s, "winpin-scratch", 0x100);
    winpin_retire(s->scratch);
    winpin_retire(s->scratch);
}

static void winpin_exit(PCIDevice *pdev)
{
    WinpinState *s = WINPIN(pdev);

    object_unparent(OBJECT(&s->window));
    winpin_hold(&s->window);
}

static void winpin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = winpin_realize;
    k->exit = winpin_exit;
}

static const TypeInfo winpin_info = {
    .name = TYPE_WINPIN,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(WinpinState),
    .instance_init = winpin_instance_init,
    .class_init = winpin_class_init,
    .interfaces = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void winpin_register_types(void)
{
    type_register_static(&winpin_info);
}

type_init(winpin_register_types)
