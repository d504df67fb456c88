/*
 * A PCI frame grabber pins the board's shared frame buffer (owned by the
 * board, not by the card) twice in realize: once for the scanout timer and
 * once for the DMA engine. instance_finalize gives back one reference only.
 * References nest, so the unref gives back the DMA engine's (the younger);
 * the scanout timer's is never given back and keeps the board's object
 * alive after the card is unplugged.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_FB_PIN "fbpin-grabber"
OBJECT_DECLARE_SIMPLE_TYPE(FbPinState, FB_PIN)

struct FbPinState {
    PCIDevice parent_obj;

    Object *board;
    MemoryRegion fb;
};

static void fbpin_instance_init(Object *obj)
{
    FbPinState *s = FB_PIN(obj);

    memory_region_init_ram(&s->fb, s->board, "fbpin-fb", 0x100000, &error_fatal);
}

static void fbpin_realize(PCIDevice *pdev, Error **errp)
{
    FbPinState *s = FB_PIN(pdev);

    /* scanout timer */
    // BUG: MR006 not given back by unrealize or instance_finalize
    memory_region_ref(&s->fb);
    /* DMA engine */
    // OK: MR006 the unref in instance_finalize gives this one back
    memory_region_ref(&s->fb);
}

static void fbpin_exit(PCIDevice *pdev)
{
}

static void fbpin_instance_finalize(Object *obj)
{
    FbPinState *s = FB_PIN(obj);

    memory_region_unref(&s->fb);
}

static void fbpin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = fbpin_realize;
    k->exit = fbpin_exit;
}

static const TypeInfo fbpin_info = {
    .name = TYPE_FB_PIN,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(FbPinState),
    .instance_init = fbpin_instance_init,
    .instance_finalize = fbpin_instance_finalize,
    .class_init = fbpin_class_init,
    .interfaces = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void fbpin_register_types(void)
{
    type_register_static(&fbpin_info);
}

type_init(fbpin_register_types)
