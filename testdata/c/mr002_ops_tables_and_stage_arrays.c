/*
 * A PCI signal mixer whose backends are ops tables chosen at realize: the
 * FM table is written with designated initializers, the AM table
 * positionally; both put the backend's window in the BAR. realize opens
 * the backend and runs every stage of a static array of stage descriptors
 * through the descriptor's init hook; exit closes the backend. The FM
 * close deletes the window before the unparent, the AM close does not. The probe stage maps its window into
 * system memory and nothing unmaps it when the card is unplugged; the
 * filter stage maps into the card's own BAR, which is fine.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_SIGMIX "sigmix"
OBJECT_DECLARE_SIMPLE_TYPE(SigmixState, SIGMIX)

typedef struct SigmixBackendOps {
    void (*open)(SigmixState *s);
    void (*close)(SigmixState *s);
} SigmixBackendOps;

typedef struct SigmixStage {
    const char *name;
    void (*init)(SigmixState *s);
} SigmixStage;

struct SigmixState {
    PCIDevice parent_obj;

    bool am;
    const SigmixBackendOps *backend;
    MemoryRegion bar;
    MemoryRegion win;
    MemoryRegion probe;
    MemoryRegion filter;
};

static const MemoryRegionOps sigmix_win_ops;

static void sigmix_fm_open(SigmixState *s)
{
    memory_region_init_io(&s->win, OBJECT(s), &sigmix_win_ops, s,
                          "sigmix-fm", 0x100);
    // BUG(legacy): MR001
    memory_region_add_subregion(&s->bar, 0, &s->win);
}

static void sigmix_fm_close(SigmixState *s)
{
    memory_region_del_subregion(&s->bar, &s->win);
    // OK: MR002 the FM backend deletes its window first
    object_unparent(OBJECT(&s->win));
}

static void sigmix_am_open(SigmixState *s)
{
    memory_region_init_io(&s->win, OBJECT(s), &sigmix_win_ops, s,
                          "sigmix-am", 0x100);
    // BUG(legacy): MR001
    memory_region_add_subregion(&s->bar, 0x100, &s->win);
}

static void sigmix_am_close(SigmixState *s)
{
    // BUG: MR002 s->win
    object_unparent(OBJECT(&s->win));
}

static const SigmixBackendOps sigmix_fm_backend = {
    .open = sigmix_fm_open,
    .close = sigmix_fm_close,
};

static const SigmixBackendOps sigmix_am_backend = {
    sigmix_am_open,
    sigmix_am_close,
};

static void sigmix_probe_init(SigmixState *s)
{
    memory_region_init_io(&s->probe, OBJECT(s), &sigmix_win_ops, s,
                          "sigmix-probe", 0x10);
    // BUG(legacy,current): MR005 s->probe
    memory_region_add_subregion(get_system_memory(), 0xfed40000, &s->probe);
}

static void sigmix_filter_init(SigmixState *s)
{
    memory_region_init_io(&s->filter, OBJECT(s), &sigmix_win_ops, s,
                          "sigmix-filter", 0x10);
    // OK: MR005 the card's own BAR container, not a foreign one
    // BUG(legacy): MR001
    memory_region_add_subregion(&s->bar, 0x200, &s->filter);
}

static const SigmixStage sigmix_stages[] = {
    { "probe", sigmix_probe_init },
    { .name = "filter", .init = sigmix_filter_init },
};

static void sigmix_realize(PCIDevice *pdev, Error **errp)
{
    SigmixState *s = SIGMIX(pdev);
    int i;

    memory_region_init(&s->bar, OBJECT(s), "sigmix-bar", 0x1000);
    s->backend = s->am ? &sigmix_am_backend : &sigmix_fm_backend;
    s->backend->open(s);
    for (i = 0; i < ARRAY_SIZE(sigmix_stages); i++) {
        sigmix_stages[i].init(s);
    }
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void sigmix_exit(PCIDevice *pdev)
{
    SigmixState *s = SIGMIX(pdev);

    s->backend->close(s);
}

static const Property sigmix_properties[] = {
    DEFINE_PROP_BOOL("am", SigmixState, am, false),
};

static void sigmix_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = sigmix_realize;
    k->exit = sigmix_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1311;
    k->class_id = PCI_CLASS_MULTIMEDIA_AUDIO;
    device_class_set_props(dc, sigmix_properties);
}

static const TypeInfo sigmix_info = {
    .name          = TYPE_SIGMIX,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(SigmixState),
    .class_init    = sigmix_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void sigmix_register_types(void)
{
    type_register_static(&sigmix_info);
}

type_init(sigmix_register_types)
