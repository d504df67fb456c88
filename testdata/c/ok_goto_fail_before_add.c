// OK: MR001 sysbus device: never unrealized, same-owner subregion stays until finalize
// OK: MR002 the goto fail path leaves before the add: the alias is never mapped when unparented
/*
 * SoC boot-ROM mirror.  realize creates the mirror alias, validates the
 * configuration and only then maps it.  The goto fail happens before the
 * add, so unparenting the alias on that path is safe.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_FAILEARLY "failearly-bootrom"
OBJECT_DECLARE_SIMPLE_TYPE(FailearlyState, FAILEARLY)

struct FailearlyState {
    SysBusDevice parent_obj;

    MemoryRegion container;
    MemoryRegion rom;
    MemoryRegion mirror;
    uint32_t mirror_offset;
};

static void failearly_realize(DeviceState *dev, Error **errp)
{
    FailearlyState *s = FAILEARLY(dev);

    memory_region_init(&s->container, OBJECT(s), "failearly", 0x20000);
    if (!memory_region_init_rom(&s->rom, OBJECT(s), "failearly-rom", 0x8000,
                                errp)) {
        return;
    }
    memory_region_add_subregion(&s->container, 0, &s->rom);
    memory_region_init_alias(&s->mirror, OBJECT(s), "failearly-mirror",
                             &s->rom, 0, 0x8000);
    if (s->mirror_offset < 0x8000 || s->mirror_offset > 0x18000) {
        error_setg(errp, "failearly: bad mirror offset 0x%x",
                   s->mirror_offset);
        goto fail;
    }
    memory_region_add_subregion(&s->container, s->mirror_offset, &s->mirror);
    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->container);
    return;

fail:
    object_unparent(OBJECT(&s->mirror));
}

static void failearly_instance_init(Object *obj)
{
    FailearlyState *s = FAILEARLY(obj);

    s->mirror_offset = 0x10000;
}

static void failearly_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = failearly_realize;
}

static const TypeInfo failearly_info = {
    .name          = TYPE_FAILEARLY,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(FailearlyState),
    .instance_init = failearly_instance_init,
    .class_init    = failearly_class_init,
};

static void failearly_register_types(void)
{
    type_register_static(&failearly_info);
}

type_init(failearly_register_types)
