// OK: MR003 owner-less (NULL) aliases may be unparented and re-created
// OK: MR002 each PAM alias is deleted from system memory before it is unparented
// OK: MR001 sysbus device: never unrealized
/*
 * Chipset PAM logic: each 16 KiB segment of the BIOS area is an
 * owner-less alias onto either RAM or the PCI space.  When the guest
 * writes a PAM register, pamchip_update_segment() (exported, called from
 * the host bridge's config-write hook outside this tree) replaces the
 * alias: delete, unparent, re-init, add.
 */
#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_PAMCHIP "pamchip"
OBJECT_DECLARE_SIMPLE_TYPE(PamchipState, PAMCHIP)

#define PAMCHIP_NR_SEGMENTS 8
#define PAMCHIP_SEG_BASE 0xc0000
#define PAMCHIP_SEG_SIZE (16 * KiB)

struct PamchipState {
    SysBusDevice parent_obj;

    MemoryRegion *ram;
    MemoryRegion *pci;
    MemoryRegion seg[PAMCHIP_NR_SEGMENTS];
    uint8_t pam[PAMCHIP_NR_SEGMENTS];
};

static void pamchip_init_segment(PamchipState *s, int i)
{
    hwaddr base = PAMCHIP_SEG_BASE + i * PAMCHIP_SEG_SIZE;
    MemoryRegion *target = (s->pam[i] & 3) ? s->ram : s->pci;

    memory_region_init_alias(&s->seg[i], NULL, "pamchip-seg", target, base,
                             PAMCHIP_SEG_SIZE);
    memory_region_add_subregion_overlap(get_system_memory(), base, &s->seg[i],
                                        1);
}

void pamchip_update_segment(PamchipState *s, int i, uint8_t val)
{
    memory_region_transaction_begin();
    s->pam[i] = val;
    memory_region_del_subregion(get_system_memory(), &s->seg[i]);
    object_unparent(OBJECT(&s->seg[i]));
    pamchip_init_segment(s, i);
    memory_region_transaction_commit();
}

static void pamchip_realize(DeviceState *dev, Error **errp)
{
    PamchipState *s = PAMCHIP(dev);
    int i;

    if (!s->ram || !s->pci) {
        error_setg(errp, "pamchip: 'ram' and 'pci' links must be set");
        return;
    }
    for (i = 0; i < PAMCHIP_NR_SEGMENTS; i++) {
        pamchip_init_segment(s, i);
    }
}

static void pamchip_instance_init(Object *obj)
{
    PamchipState *s = PAMCHIP(obj);

    object_property_add_link(obj, "ram", TYPE_MEMORY_REGION,
                             (Object **)&s->ram,
                             qdev_prop_allow_set_link_before_realize,
                             OBJ_PROP_LINK_STRONG);
    object_property_add_link(obj, "pci", TYPE_MEMORY_REGION,
                             (Object **)&s->pci,
                             qdev_prop_allow_set_link_before_realize,
                             OBJ_PROP_LINK_STRONG);
}

static void pamchip_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = pamchip_realize;
    dc->user_creatable = false;
}

static const TypeInfo pamchip_info = {
    .name          = TYPE_PAMCHIP,
    .parent        = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(PamchipState),
    .instance_init = pamchip_instance_init,
    .class_init    = pamchip_class_init,
};

static void pamchip_register_types(void)
{
    type_register_static(&pamchip_info);
}

type_init(pamchip_register_types)
