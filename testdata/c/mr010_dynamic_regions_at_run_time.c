#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "qemu/timer.h"
#include "system/memory.h"

/* A DSP card that creates and drops real regions from guest-triggered paths. */

typedef struct DspPool {
    MemoryRegion ram;
    uint32_t used;
} DspPool;

typedef struct DspState {
    PCIDevice parent_obj;
    MemoryRegion regs;
    MemoryRegion window;
    MemoryRegion window_alias;
    MemoryRegion *overlay;
    MemoryRegion coeffs;
    MemoryRegion trace_buf;
    MemoryRegion boot_rom;
    MemoryRegion scratch_io;
    DspPool *pool;
    QEMUTimer *timer;
    uint32_t ctrl;
} DspState;

OBJECT_DECLARE_SIMPLE_TYPE(DspState, DSP)
#define TYPE_DSP "dsp-card"

static const MemoryRegionOps dsp_coeff_ops;

/* Shared by realize and the config-space hook: only the run-time path is reported. */
static void dsp_setup_coeffs(DspState *s)
{
    // BUG: MR010 s->coeffs
    memory_region_init_io(&s->coeffs, OBJECT(s), &dsp_coeff_ops, s, "dsp.coeffs", 0x100);
    memory_region_add_subregion(&s->window, 0x100, &s->coeffs);
}

static void dsp_regs_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    DspState *s = opaque;

    if (addr == 0 && val == 1) {
        s->overlay = g_new0(MemoryRegion, 1);
        // BUG: MR010 s->overlay
        memory_region_init_ram(s->overlay, OBJECT(s), "dsp.overlay", 0x1000, &error_fatal);
        memory_region_add_subregion(&s->window, 0, s->overlay);
    } else if (addr == 0 && val == 0) {
        memory_region_del_subregion(&s->window, s->overlay);
        /* the overlay an earlier write made: a RAM region destroyed at run time */
        // BUG: MR010 s->overlay is destroyed
        object_unparent(OBJECT(s->overlay));
    }
    if (addr == 16) {
        memory_region_del_subregion(&s->window, &s->pool->ram);
        // BUG: MR010 s->pool->ram
        g_free(s->pool);
    }
    if (addr == 8) {
        /* aliases come and go: fine */
        memory_region_del_subregion(&s->window, &s->window_alias);
        // OK: MR010
        object_unparent(OBJECT(&s->window_alias));
        // OK: MR010
        memory_region_init_alias(&s->window_alias, OBJECT(s), "dsp.alias", &s->regs, val, 0x100);
        memory_region_add_subregion(&s->window, 0x800, &s->window_alias);
    }
}

static const MemoryRegionOps dsp_regs_ops = {
    .write = dsp_regs_write,
};

static void dsp_config_write(PCIDevice *pdev, uint32_t addr, uint32_t val, int len)
{
    DspState *s = DSP(pdev);

    pci_default_write_config(pdev, addr, val, len);
    if (addr == 0x40) {
        dsp_setup_coeffs(s);
    }
}

static void dsp_trace_tick(void *opaque)
{
    DspState *s = opaque;

    // BUG: MR010 s->trace_buf
    if (!memory_region_init_ram(&s->trace_buf, OBJECT(s), "dsp.trace", 0x2000, NULL)) {
        return;
    }
    memory_region_add_subregion(&s->window, 0x2000, &s->trace_buf);
    // BUG: MR010 s->scratch_io
    memory_region_init_io(&s->scratch_io, NULL, &dsp_coeff_ops, s, "dsp.scratch", 0x10);
}

static void dsp_reset(DeviceState *dev)
{
    DspState *s = DSP(dev);

    memory_region_del_subregion(&s->window, &s->boot_rom);
    // BUG: MR010 s->boot_rom
    object_unparent(OBJECT(&s->boot_rom));
}

static void dsp_realize(PCIDevice *pdev, Error **errp)
{
    DspState *s = DSP(pdev);

    memory_region_init_io(&s->regs, OBJECT(s), &dsp_regs_ops, s, "dsp.regs", 0x1000);
    memory_region_init(&s->window, OBJECT(s), "dsp.window", 0x10000);
    memory_region_init_rom(&s->boot_rom, OBJECT(s), "dsp.rom", 0x1000, &error_fatal);
    memory_region_add_subregion(&s->window, 0x4000, &s->boot_rom);
    memory_region_init_alias(&s->window_alias, OBJECT(s), "dsp.alias", &s->regs, 0, 0x100);
    memory_region_add_subregion(&s->window, 0x800, &s->window_alias);
    dsp_setup_coeffs(s);
    s->pool = g_new0(DspPool, 1);
    memory_region_init_ram(&s->pool->ram, OBJECT(s), "dsp.pool", 0x1000, &error_fatal);
    memory_region_add_subregion(&s->window, 0x8000, &s->pool->ram);
    s->timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, dsp_trace_tick, s);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);
    pci_register_bar(pdev, 2, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->window);
}

static void dsp_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    dc->hotpluggable = false;          /* a fixed card: its realize-time mappings never need undoing */
    k->realize = dsp_realize;
    k->config_write = dsp_config_write;
    device_class_set_legacy_reset(dc, dsp_reset);
}

static const TypeInfo dsp_info = {
    .name = TYPE_DSP,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(DspState),
    .class_init = dsp_class_init,
};

static void dsp_register_types(void)
{
    type_register_static(&dsp_info);
}

type_init(dsp_register_types)
