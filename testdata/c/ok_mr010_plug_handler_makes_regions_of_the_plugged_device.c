#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "hw/core/hotplug.h"
#include "system/memory.h"

/*
 * A doorbell host on a SoC bus that is also the hotplug handler of its
 * cards. Plugging a card is part of the card's lifecycle, not run-time
 * churn of the host: a region the plug handler makes for the card, owned by
 * the card, follows the card's life. A region the host makes for itself on
 * every plug is churn of the host.
 */

#define TYPE_BELL_CARD "bell-card"
OBJECT_DECLARE_SIMPLE_TYPE(BellCardState, BELL_CARD)

struct BellCardState {
    DeviceState parent_obj;

    MemoryRegion doorbell;
    uint32_t slot;
};

#define TYPE_BELL_HOST "bell-host"
OBJECT_DECLARE_SIMPLE_TYPE(BellHostState, BELL_HOST)

struct BellHostState {
    SysBusDevice parent_obj;

    MemoryRegion doorbells;
    MemoryRegion *last_plug_log;
};

static const MemoryRegionOps bell_doorbell_ops;
static const MemoryRegionOps bell_log_ops;

static void bell_host_plug(HotplugHandler *hotplug_dev, DeviceState *dev, Error **errp)
{
    BellHostState *s = BELL_HOST(hotplug_dev);
    BellCardState *card = BELL_CARD(dev);

    // OK: MR010 owned by the card being plugged: the card's lifecycle, not the host's run time
    memory_region_init_io(&card->doorbell, OBJECT(card), &bell_doorbell_ops, card,
                          "bell-card.doorbell", 0x10);
    memory_region_add_subregion(&s->doorbells, card->slot * 0x10, &card->doorbell);

    s->last_plug_log = g_new0(MemoryRegion, 1);
    // BUG: MR010 s->last_plug_log
    memory_region_init_io(s->last_plug_log, OBJECT(s), &bell_log_ops, s, "bell-host.log", 0x10);
}

static void bell_host_realize(DeviceState *dev, Error **errp)
{
    BellHostState *s = BELL_HOST(dev);

    memory_region_init(&s->doorbells, OBJECT(s), "bell-host.doorbells", 0x1000);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->doorbells);
}

static void bell_host_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    HotplugHandlerClass *hc = HOTPLUG_HANDLER_CLASS(klass);

    dc->realize = bell_host_realize;
    hc->plug = bell_host_plug;
}

static const TypeInfo bell_host_info = {
    .name          = TYPE_BELL_HOST,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(BellHostState),
    .class_init    = bell_host_class_init,
    .interfaces = (const InterfaceInfo[]) {
        { TYPE_HOTPLUG_HANDLER },
        { }
    },
};

static void bell_host_register_types(void)
{
    type_register_static(&bell_host_info);
}

type_init(bell_host_register_types)
