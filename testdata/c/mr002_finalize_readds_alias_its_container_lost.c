/*
 * Sysbus timer whose realize shows a window of its register bank through
 * an alias (owned by the board's timer hub) mapped into the bank itself;
 * instance_finalize publishes the alias in system memory and unparents it.
 *
 * Legacy and current QEMU: the bank was finalized with the device's
 * children before instance_finalize, and its finalization deleted the
 * alias from it, so the add into system memory succeeds and the unparent
 * finalizes a region still mapped there.  With the refcount series the
 * alias keeps the bank alive and stays in it: the add asserts, and the
 * unparent is of a region still mapped in the bank.  MR002 either way.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_TMRHUB "tmrhub"
OBJECT_DECLARE_SIMPLE_TYPE(TmrhubState, TMRHUB)

struct TmrhubState {
    SysBusDevice parent_obj;

    MemoryRegion *bank;
    MemoryRegion bank_window;
    Object *hub;
};

static void tmrhub_instance_init(Object *obj)
{
    TmrhubState *s = TMRHUB(obj);

    s->bank = g_new0(MemoryRegion, 1);
    memory_region_init(s->bank, OBJECT(s), "tmrhub-bank", 0x10000);
}

static void tmrhub_realize(DeviceState *dev, Error **errp)
{
    TmrhubState *s = TMRHUB(dev);

    memory_region_init_alias(&s->bank_window, s->hub, "tmrhub-window", s->bank, 0, 0x100);
    memory_region_add_subregion(s->bank, 0x400, &s->bank_window);
}

static void tmrhub_instance_finalize(Object *obj)
{
    TmrhubState *s = TMRHUB(obj);

    memory_region_add_subregion(get_system_memory(), 0xfee00000, &s->bank_window);
    // BUG: MR002 s->bank_window
    object_unparent(OBJECT(&s->bank_window));
}

static void tmrhub_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = tmrhub_realize;
}

static const TypeInfo tmrhub_info = {
    .name          = TYPE_TMRHUB,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(TmrhubState),
    .instance_init = tmrhub_instance_init,
    .instance_finalize = tmrhub_instance_finalize,
    .class_init    = tmrhub_class_init,
};

static void tmrhub_register_types(void)
{
    type_register_static(&tmrhub_info);
}

type_init(tmrhub_register_types)
