/*
 * A concrete lamp. Its owner-less glow buffer lives in the instance storage,
 * but the base type (lampbase.c) says lamps are never unplugged, so QOM never
 * frees that storage while the machine runs.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "lampbase.h"

#define TYPE_LAMP "lamp"
OBJECT_DECLARE_SIMPLE_TYPE(LampState, LAMP)

struct LampState {
    LampbaseState parent_obj;

    MemoryRegion glow;
};

static const MemoryRegionOps lamp_glow_ops;

static void lamp_realize(PCIDevice *pdev, Error **errp)
{
    LampState *s = LAMP(pdev);

    // OK: MR003 the base type's class_init sets hotpluggable = false
    memory_region_init_io(&s->glow, NULL, &lamp_glow_ops, s, "lamp-glow", 0x40);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->glow);
}

static void lamp_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = lamp_realize;
    k->device_id = 0x1234;
}

static const TypeInfo lamp_info = {
    .name          = TYPE_LAMP,
    .parent        = TYPE_LAMPBASE,
    .instance_size = sizeof(LampState),
    .class_init    = lamp_class_init,
};

static void lamp_register_types(void)
{
    type_register_static(&lamp_info);
}

type_init(lamp_register_types)
