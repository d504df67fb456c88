/*
 * A PCI capture card pins the board's shared sample buffer (owned by the
 * board, not by the card) in realize and never gives it back. Its
 * instance_finalize flushes the last samples through a helper that takes
 * and drops a reference of its own around the flush: that pair balances
 * itself, so the reference realize took still keeps the board's object
 * alive after the card is unplugged.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_SMPLCAP "smplcap"
OBJECT_DECLARE_SIMPLE_TYPE(SmplcapState, SMPLCAP)

struct SmplcapState {
    PCIDevice parent_obj;

    Object *board;
    MemoryRegion samples;
};

static void smplcap_flush(SmplcapState *s)
{
    // OK: MR006 the flush gives its own reference back right away
    memory_region_ref(&s->samples);
    memory_region_unref(&s->samples);
}

static void smplcap_instance_init(Object *obj)
{
    SmplcapState *s = SMPLCAP(obj);

    memory_region_init_ram(&s->samples, s->board, "smplcap-samples", 0x10000, &error_fatal);
}

static void smplcap_realize(PCIDevice *pdev, Error **errp)
{
    SmplcapState *s = SMPLCAP(pdev);

    // BUG: MR006 not given back by unrealize or instance_finalize
    memory_region_ref(&s->samples);
}

static void smplcap_exit(PCIDevice *pdev)
{
}

static void smplcap_instance_finalize(Object *obj)
{
    SmplcapState *s = SMPLCAP(obj);

    smplcap_flush(s);
}

static void smplcap_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = smplcap_realize;
    k->exit = smplcap_exit;
}

static const TypeInfo smplcap_info = {
    .name = TYPE_SMPLCAP,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(SmplcapState),
    .instance_init = smplcap_instance_init,
    .instance_finalize = smplcap_instance_finalize,
    .class_init = smplcap_class_init,
    .interfaces = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void smplcap_register_types(void)
{
    type_register_static(&smplcap_info);
}

type_init(smplcap_register_types)
