/* A PCI controller whose exit tears down a window it mapped into the bus space in realize. */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_LSPCTRL "lspctrl"
OBJECT_DECLARE_SIMPLE_TYPE(LspCtrlState, LSPCTRL)

struct LspCtrlState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion window;
};

static uint64_t lspctrl_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void lspctrl_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
}

static const MemoryRegionOps lspctrl_ops = {
    .read = lspctrl_read,
    .write = lspctrl_write,
};

static void lspctrl_realize(PCIDevice *pdev, Error **errp)
{
    LspCtrlState *s = LSPCTRL(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &lspctrl_ops, s, "lspctrl.bar", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    memory_region_init_alias(&s->window, OBJECT(s), "lspctrl.window", &s->bar, 0, 0x10);
    memory_region_add_subregion(pci_address_space(pdev), 0xe0000, &s->window);
}

static void lspctrl_exit(PCIDevice *pdev)
{
    LspCtrlState *s = LSPCTRL(pdev);

    object_unparent(OBJECT(&s->window));
}

static void lspctrl_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = lspctrl_realize;
    k->exit = lspctrl_exit;
}

static const TypeInfo lspctrl_info = {
    .name          = TYPE_LSPCTRL,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(LspCtrlState),
    .class_init    = lspctrl_class_init,
};

static void lspctrl_register_types(void)
{
    type_register_static(&lspctrl_info);
}

type_init(lspctrl_register_types)
