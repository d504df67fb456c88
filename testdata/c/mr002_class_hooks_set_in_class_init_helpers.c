/*
 * A family of radio tuner cards. The abstract base fills its class through
 * helpers that class_init hands the class to: the PCI hooks (realize, exit)
 * and the band hooks that realize and exit call through the class pointer.
 * A hook set in such a helper is the type's, as if class_init set it.
 * Which band hook runs is QOM's virtual dispatch on the card's type: the
 * FM card overrides detach with one that deletes the band first, the AM
 * card keeps the base's, which unparents the band while the BAR maps it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_TUNER "tuner"
#define TYPE_TUNER_FM "tuner-fm"
#define TYPE_TUNER_AM "tuner-am"
OBJECT_DECLARE_TYPE(TunerState, TunerClass, TUNER)

struct TunerState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion band;
};

struct TunerClass {
    PCIDeviceClass parent_class;

    void (*attach)(TunerState *s);
    void (*detach)(TunerState *s);
};

static const MemoryRegionOps tuner_band_ops;

static void tuner_attach_band(TunerState *s)
{
    memory_region_init_io(&s->band, OBJECT(s), &tuner_band_ops, s,
                          "tuner-band", 0x100);
    // BUG(legacy): MR001
    memory_region_add_subregion(&s->bar, 0x100, &s->band);
}

static void tuner_drop_band(TunerState *s)
{
    // BUG: MR002 s->band
    object_unparent(OBJECT(&s->band));
}

static void tuner_fm_detach_band(TunerState *s)
{
    memory_region_del_subregion(&s->bar, &s->band);
    // OK: MR002 the FM card's own detach deletes the band first
    object_unparent(OBJECT(&s->band));
}

static void tuner_realize(PCIDevice *pdev, Error **errp)
{
    TunerState *s = TUNER(pdev);
    TunerClass *tc = TUNER_GET_CLASS(pdev);

    memory_region_init(&s->bar, OBJECT(s), "tuner-bar", 0x1000);
    tc->attach(s);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void tuner_exit(PCIDevice *pdev)
{
    TunerClass *tc = TUNER_GET_CLASS(pdev);

    tc->detach(TUNER(pdev));
}

static void tuner_pci_class_init(PCIDeviceClass *k)
{
    k->realize = tuner_realize;
    k->exit = tuner_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1310;
    k->class_id = PCI_CLASS_MULTIMEDIA_AUDIO;
}

static void tuner_band_class_init(TunerClass *tc)
{
    tc->attach = tuner_attach_band;
    tc->detach = tuner_drop_band;
}

static void tuner_class_init(ObjectClass *klass, const void *data)
{
    tuner_pci_class_init(PCI_DEVICE_CLASS(klass));
    tuner_band_class_init(TUNER_CLASS(klass));
}

static void tuner_fm_class_init(ObjectClass *klass, const void *data)
{
    TunerClass *tc = TUNER_CLASS(klass);

    tc->detach = tuner_fm_detach_band;
}

static const TypeInfo tuner_types[] = {
    {
        .name          = TYPE_TUNER,
        .parent        = TYPE_PCI_DEVICE,
        .instance_size = sizeof(TunerState),
        .class_size    = sizeof(TunerClass),
        .class_init    = tuner_class_init,
        .abstract      = true,
        .interfaces    = (const InterfaceInfo[]) {
            { INTERFACE_CONVENTIONAL_PCI_DEVICE },
            { },
        },
    },
    {
        .name          = TYPE_TUNER_FM,
        .parent        = TYPE_TUNER,
        .class_init    = tuner_fm_class_init,
    },
    {
        .name          = TYPE_TUNER_AM,
        .parent        = TYPE_TUNER,
    },
};

DEFINE_TYPES(tuner_types)
