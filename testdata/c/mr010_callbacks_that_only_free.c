#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "qemu/timer.h"
#include "system/memory.h"

/*
 * An ADC queue on a SoC bus.  Its guest-triggered paths call no memory API
 * but g_free, which is still how a region can be destroyed while the
 * device lives; its reset unrefs a region nothing reference counts.
 */

#define TYPE_ADC_QUEUE "adc-queue"
OBJECT_DECLARE_SIMPLE_TYPE(AdcQueueState, ADC_QUEUE)

struct AdcQueueState {
    SysBusDevice parent_obj;

    MemoryRegion iomem;
    MemoryRegion *sample_ram;
    MemoryRegion *window_io;
    MemoryRegion *shadow_rom;
    uint8_t *scratch;
    QEMUTimer *drain_timer;
};

static uint64_t adcq_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

/* A handler whose only memory-API call is g_free of a region realize made. */
static void adcq_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    AdcQueueState *s = opaque;

    if (addr == 0x10) {
        // BUG: MR010 s->sample_ram
        g_free(s->sample_ram);
        s->sample_ram = NULL;
    }
    if (addr == 0x14) {
        /* a plain buffer: nothing to do with regions */
        // OK: MR010
        g_free(s->scratch);
        s->scratch = NULL;
    }
}

static const MemoryRegionOps adcq_ops = {
    .read = adcq_read,
    .write = adcq_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void adcq_drop_window(AdcQueueState *s)
{
    // BUG: MR010 s->window_io
    g_free(s->window_io);
    s->window_io = NULL;
}

/* The free sits one call down from the timer callback. */
static void adcq_drain(void *opaque)
{
    AdcQueueState *s = opaque;

    adcq_drop_window(s);
}

static void adcq_reset(DeviceState *dev)
{
    AdcQueueState *s = ADC_QUEUE(dev);

    /* owner NULL: never reference counted, so the unref destroys nothing */
    // OK: MR010
    memory_region_unref(s->shadow_rom);
}

static void adcq_realize(DeviceState *dev, Error **errp)
{
    AdcQueueState *s = ADC_QUEUE(dev);

    memory_region_init_io(&s->iomem, OBJECT(s), &adcq_ops, s, "adc-queue", 0x100);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->iomem);
    s->sample_ram = g_new0(MemoryRegion, 1);
    memory_region_init_ram(s->sample_ram, OBJECT(s), "adc-queue.samples", 0x1000, &error_fatal);
    s->window_io = g_new0(MemoryRegion, 1);
    memory_region_init_io(s->window_io, OBJECT(s), &adcq_ops, s, "adc-queue.window", 0x40);
    s->shadow_rom = g_new0(MemoryRegion, 1);
    memory_region_init_rom(s->shadow_rom, NULL, "adc-queue.shadow", 0x1000, &error_fatal);
    s->scratch = g_malloc0(64);
    s->drain_timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, adcq_drain, s);
}

static void adcq_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = adcq_realize;
    device_class_set_legacy_reset(dc, adcq_reset);
}

static const TypeInfo adcq_info = {
    .name          = TYPE_ADC_QUEUE,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(AdcQueueState),
    .class_init    = adcq_class_init,
};

static void adcq_register_types(void)
{
    type_register_static(&adcq_info);
}

type_init(adcq_register_types)
