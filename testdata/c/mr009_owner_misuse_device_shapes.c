#include "qemu/osdep.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"

/* A capture card that gets the owner argument of its regions wrong in every way device code can. */

typedef struct CaptureBlob {
    MemoryRegion mr;            /* first member: OBJECT(blob) is the region itself */
    uint8_t *pixels;
} CaptureBlob;

typedef struct CaptureGeometry {
    uint32_t width;             /* no QOM object starts with a scalar */
    uint32_t height;
    MemoryRegion lut;
} CaptureGeometry;

typedef struct CaptureContext {
    Object parent_obj;          /* a QOM object, but no device */
    uint32_t generation;
} CaptureContext;

typedef struct CaptureState {
    PCIDevice parent_obj;
    MemoryRegion regs;
    MemoryRegion sram;
    MemoryRegion boot_rom;
    MemoryRegion scratch;
    MemoryRegion shadow;
    MemoryRegion table;
    CaptureBlob *blob;
    CaptureGeometry *geo;
    CaptureContext *ctx;
} CaptureState;

OBJECT_DECLARE_SIMPLE_TYPE(CaptureState, CAPTURE)
#define TYPE_CAPTURE "capture-card"

static const MemoryRegionOps capture_ops;

/* Shared by every region of the card: the owner is whatever the caller passes. */
static void capture_make_ram(MemoryRegion *mr, Object *owner, const char *name, uint64_t size)
{
    // BUG: MR009 itself as owner
    memory_region_init_ram_ptr(mr, owner, name, size, g_malloc0(size));
}

static void capture_realize(PCIDevice *pdev, Error **errp)
{
    CaptureState *s = CAPTURE(pdev);
    MemoryRegion *scratch = &s->scratch;

    // BUG: MR009 itself as owner
    memory_region_init_ram(&s->sram, OBJECT(&s->sram), "capture.sram", 0x10000, &error_fatal);

    s->blob = g_new0(CaptureBlob, 1);
    s->blob->pixels = g_malloc0(0x1000);
    // BUG: MR009 s->blob->mr
    memory_region_init_ram_ptr(&s->blob->mr, OBJECT(s->blob), "capture.blob", 0x1000, s->blob->pixels);

    capture_make_ram(&s->shadow, OBJECT(&s->shadow), "capture.shadow", 0x1000);

    s->geo = g_new0(CaptureGeometry, 1);
    // BUG: MR009 is no QOM object
    memory_region_init_io(&s->geo->lut, OBJECT(s->geo), &capture_ops, s, "capture.lut", 0x100);

    // BUG: MR009 DEVICE(s->ctx)
    memory_region_init_ram(&s->table, OBJECT(s->ctx), "capture.table", 0x400, &error_fatal);

    // BUG: MR009 owner 0
    // BUG: MR003 inside the instance storage of TYPE_CAPTURE
    memory_region_init_io(&s->regs, 0, &capture_ops, s, "capture.regs", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->regs);

    memory_region_init_ram(scratch, OBJECT(s), "capture.scratch", 0x1000, &error_fatal);
    // BUG: MR009 OBJECT(scratch)->free
    OBJECT(scratch)->free = g_free;

    // BUG: MR009 itself as owner
    if (!memory_region_init_rom(&s->boot_rom, OBJECT(&s->boot_rom), "capture.rom", 0x8000, errp)) {
        return;
    }
}

static void capture_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = capture_realize;
}

static const TypeInfo capture_info = {
    .name = TYPE_CAPTURE,
    .parent = TYPE_PCI_DEVICE,
    .instance_size = sizeof(CaptureState),
    .class_init = capture_class_init,
};

static void capture_register_types(void)
{
    type_register_static(&capture_info);
}

type_init(capture_register_types)
