#include "qemu/osdep.h"
#include "hw/pci/pci_bridge.h"

/*
 * A bridge that forwards VGA cycles: its VGA windows are aliases registered with the PCI core.
 * When the guest toggles the VGA enable bit, the bridge unregisters them (the core unmaps every
 * window it registered), unparents the aliases and creates them again.
 */
typedef struct VgaFwdState {
    PCIDevice parent_obj;
    MemoryRegion space_mem;
    MemoryRegion space_io;
    MemoryRegion vga[3];
} VgaFwdState;

OBJECT_DECLARE_SIMPLE_TYPE(VgaFwdState, VGA_FWD)
#define TYPE_VGA_FWD "vga-fwd"

static void vga_fwd_windows_init(VgaFwdState *s)
{
    memory_region_init_alias(&s->vga[0], OBJECT(s), "vga-fwd-mem", &s->space_mem, 0xa0000, 0x20000);
    memory_region_init_alias(&s->vga[1], OBJECT(s), "vga-fwd-io-lo", &s->space_io, 0x3b0, 0xc);
    memory_region_init_alias(&s->vga[2], OBJECT(s), "vga-fwd-io-hi", &s->space_io, 0x3c0, 0x20);
    pci_register_vga(PCI_DEVICE(s), &s->vga[0], &s->vga[1], &s->vga[2]);
}

static void vga_fwd_windows_update(VgaFwdState *s)
{
    memory_region_transaction_begin();
    pci_unregister_vga(PCI_DEVICE(s));
    // OK: MR002
    object_unparent(OBJECT(&s->vga[0]));
    // OK: MR002
    object_unparent(OBJECT(&s->vga[1]));
    // OK: MR002
    object_unparent(OBJECT(&s->vga[2]));
    vga_fwd_windows_init(s);
    memory_region_transaction_commit();
}

static void vga_fwd_write_config(PCIDevice *d, uint32_t addr, uint32_t val, int len)
{
    VgaFwdState *s = VGA_FWD(d);

    pci_default_write_config(d, addr, val, len);
    if (addr == PCI_BRIDGE_CONTROL) {
        vga_fwd_windows_update(s);
    }
}

static void vga_fwd_realize(PCIDevice *d, Error **errp)
{
    VgaFwdState *s = VGA_FWD(d);

    memory_region_init(&s->space_mem, OBJECT(s), "vga-fwd-space-mem", UINT64_MAX);
    memory_region_init(&s->space_io, OBJECT(s), "vga-fwd-space-io", 0x10000);
    vga_fwd_windows_init(s);
}

static void vga_fwd_exit(PCIDevice *d)
{
    VgaFwdState *s = VGA_FWD(d);

    pci_unregister_vga(d);
    object_unparent(OBJECT(&s->vga[0]));
    object_unparent(OBJECT(&s->vga[1]));
    object_unparent(OBJECT(&s->vga[2]));
}

static void vga_fwd_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = vga_fwd_realize;
    k->exit = vga_fwd_exit;
    k->config_write = vga_fwd_write_config;
}

static const TypeInfo vga_fwd_info = {
    .name = TYPE_VGA_FWD,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(VgaFwdState),
    .class_init = vga_fwd_class_init,
};

static void vga_fwd_register_types(void)
{
    type_register_static(&vga_fwd_info);
}

type_init(vga_fwd_register_types)
