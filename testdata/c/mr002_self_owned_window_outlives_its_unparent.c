/*
 * Hot-pluggable PCI sound card whose DMA window region is created owning
 * itself (MR009).  Realize maps the window into system memory and an alias
 * of the sample buffer into the window; exit unparents the window and then
 * the alias, without deleting either from its container.
 *
 * A region that owns itself is reference counted on itself under every
 * semantics: system memory's reference keeps the window alive past its
 * unparent, with the alias still mapped in it.  The alias's own unparent
 * is then one of a region still mapped (MR002) under legacy and current
 * semantics as well.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_SBWIN "sbwin"
OBJECT_DECLARE_SIMPLE_TYPE(SbwinState, SBWIN)

struct SbwinState {
    PCIDevice parent_obj;

    MemoryRegion window;
    MemoryRegion samples;
    MemoryRegion samples_alias;
};

static void sbwin_instance_init(Object *obj)
{
    SbwinState *s = SBWIN(obj);

    // BUG: MR009 initialized with itself as owner
    memory_region_init(&s->window, OBJECT(&s->window), "sbwin-window", 0x10000);
    memory_region_init_ram(&s->samples, OBJECT(s), "sbwin-samples", 0x1000, &error_fatal);
    memory_region_init_alias(&s->samples_alias, OBJECT(s), "sbwin-samples-alias",
                             &s->samples, 0, 0x100);
}

static void sbwin_realize(PCIDevice *pdev, Error **errp)
{
    SbwinState *s = SBWIN(pdev);

    memory_region_add_subregion(get_system_memory(), 0xd0000, &s->window);
    memory_region_add_subregion(&s->window, 0x100, &s->samples_alias);
}

static void sbwin_exit(PCIDevice *pdev)
{
    SbwinState *s = SBWIN(pdev);

    // BUG: MR002 s->window
    object_unparent(OBJECT(&s->window));
    // BUG: MR002 s->samples_alias
    object_unparent(OBJECT(&s->samples_alias));
}

static void sbwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = sbwin_realize;
    k->exit = sbwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1354;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo sbwin_info = {
    .name          = TYPE_SBWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(SbwinState),
    .instance_init = sbwin_instance_init,
    .class_init    = sbwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void sbwin_register_types(void)
{
    type_register_static(&sbwin_info);
}

type_init(sbwin_register_types)
