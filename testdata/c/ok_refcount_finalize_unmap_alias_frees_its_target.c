/*
 * Sysbus mailbox: its register bank is a container that holds a doorbell
 * page of the companion "doorbell" object; the board sees the bank only
 * through an alias the mailbox maps into system memory itself.
 * instance_finalize takes the alias out of system memory, then unparents
 * the companion's doorbell page.
 *
 * Under the refcount series system memory holds the alias past QOM's
 * drop of the child properties, and the alias holds the bank.  The
 * delete from system memory is the alias's last reference: it is
 * finalized, lets the bank go, and memory_region_finalize deletes the
 * doorbell page from the bank before it is unparented.  (The delete uses
 * a finalized alias under legacy and current semantics, and under
 * refcount once qdev's unplug deleted it: MR004 under every semantics.)
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_MBOX "mbox"
OBJECT_DECLARE_SIMPLE_TYPE(MboxState, MBOX)

struct MboxState {
    SysBusDevice parent_obj;

    MemoryRegion bank;
    MemoryRegion bank_alias;
    MemoryRegion doorbell;
    Object *doorbell_obj;
};

static uint64_t mbox_doorbell_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void mbox_doorbell_write(void *opaque, hwaddr addr, uint64_t val,
                                unsigned size)
{
}

static const MemoryRegionOps mbox_doorbell_ops = {
    .read = mbox_doorbell_read,
    .write = mbox_doorbell_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void mbox_realize(DeviceState *dev, Error **errp)
{
    MboxState *s = MBOX(dev);

    memory_region_init(&s->bank, OBJECT(s), "mbox-bank", 0x2000);
    memory_region_init_io(&s->doorbell, s->doorbell_obj, &mbox_doorbell_ops, s,
                          "mbox-doorbell", 0x100);
    memory_region_add_subregion(&s->bank, 0x1000, &s->doorbell);
    memory_region_init_alias(&s->bank_alias, OBJECT(s), "mbox-bank-alias",
                             &s->bank, 0, 0x2000);
    memory_region_add_subregion(get_system_memory(), 0xfe000000,
                                &s->bank_alias);
}

static void mbox_instance_finalize(Object *obj)
{
    MboxState *s = MBOX(obj);

    // BUG: MR004 finalized with the object's child properties
    memory_region_del_subregion(get_system_memory(), &s->bank_alias);
    // OK: MR002 the alias was let go above, and the bank with it
    object_unparent(OBJECT(&s->doorbell));
}

static void mbox_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = mbox_realize;
}

static const TypeInfo mbox_info = {
    .name              = TYPE_MBOX,
    .parent            = TYPE_SYS_BUS_DEVICE,
    .instance_size     = sizeof(MboxState),
    .instance_finalize = mbox_instance_finalize,
    .class_init        = mbox_class_init,
};

static void mbox_register_types(void)
{
    type_register_static(&mbox_info);
}

type_init(mbox_register_types)
