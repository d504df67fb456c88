#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"

/*
 * The teardown helper is shared by exit and instance_finalize. From exit it is fine; from
 * instance_finalize the windows are already finalized with the device's child properties.
 */
typedef struct DmaWinState {
    PCIDevice parent_obj;
    MemoryRegion bar;
    MemoryRegion window;
    bool mapped;
} DmaWinState;

OBJECT_DECLARE_SIMPLE_TYPE(DmaWinState, DMA_WIN)
#define TYPE_DMA_WIN "dma-win"

static const MemoryRegionOps dmawin_ops;

static void dmawin_teardown(DmaWinState *s)
{
    // BUG: MR004 s->window
    memory_region_del_subregion(&s->bar, &s->window);
    // BUG: MR004 s->window
    object_unparent(OBJECT(&s->window));
}

static void dmawin_init(Object *obj)
{
    DmaWinState *s = DMA_WIN(obj);

    memory_region_init(&s->bar, obj, "dma-win-bar", 0x10000);
    memory_region_init_io(&s->window, obj, &dmawin_ops, s, "dma-win-window", 0x1000);
}

static void dmawin_realize(PCIDevice *pdev, Error **errp)
{
    DmaWinState *s = DMA_WIN(pdev);

    memory_region_add_subregion(&s->bar, 0, &s->window);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void dmawin_exit(PCIDevice *pdev)
{
    dmawin_teardown(DMA_WIN(pdev));
}

static void dmawin_finalize(Object *obj)
{
    dmawin_teardown(DMA_WIN(obj));
}

static void dmawin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = dmawin_realize;
    k->exit = dmawin_exit;
}

static const TypeInfo dmawin_info = {
    .name = TYPE_DMA_WIN,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(DmaWinState),
    .instance_init = dmawin_init,
    .instance_finalize = dmawin_finalize,
    .class_init = dmawin_class_init,
};

static void dmawin_register_types(void)
{
    type_register_static(&dmawin_info);
}

type_init(dmawin_register_types)
