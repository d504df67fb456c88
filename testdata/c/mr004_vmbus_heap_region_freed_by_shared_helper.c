#include "qemu/osdep.h"
#include "hw/hyperv/vmbus.h"

/*
 * A VMBus device whose lazily created heap container is dropped by a helper shared by
 * vmdev_unrealize and instance_finalize. The hooks are set through VMBusDeviceClass, so the
 * analysis must know that vmdev_realize/vmdev_unrealize are the realize/unrealize roles.
 */
typedef struct PageHintState {
    VMBusDevice parent;
    MemoryRegion *hint_mr;
    uint64_t size;
} PageHintState;

OBJECT_DECLARE_SIMPLE_TYPE(PageHintState, PAGE_HINT)
#define TYPE_PAGE_HINT "page-hint"

static void page_hint_ensure_mr(PageHintState *s)
{
    if (s->hint_mr) {
        return;
    }
    s->hint_mr = g_new0(MemoryRegion, 1);
    memory_region_init(s->hint_mr, OBJECT(s), TYPE_PAGE_HINT, s->size);
}

static void page_hint_free_mr(PageHintState *s)
{
    if (!s->hint_mr) {
        return;
    }
    // BUG: MR004 object_unparent(s->hint_mr) in instance_finalize
    object_unparent(OBJECT(s->hint_mr));
    g_clear_pointer(&s->hint_mr, g_free);
}

static void page_hint_unrealize_finalize_common(PageHintState *s)
{
    page_hint_free_mr(s);
    s->size = 0;
}

static void page_hint_vmdev_realize(VMBusDevice *vdev, Error **errp)
{
    PageHintState *s = PAGE_HINT(vdev);

    page_hint_ensure_mr(s);
}

static void page_hint_vmdev_unrealize(VMBusDevice *vdev)
{
    page_hint_unrealize_finalize_common(PAGE_HINT(vdev));
}

static void page_hint_finalize(Object *obj)
{
    page_hint_unrealize_finalize_common(PAGE_HINT(obj));
}

static void page_hint_class_init(ObjectClass *klass, const void *data)
{
    VMBusDeviceClass *vdc = VMBUS_DEVICE_CLASS(klass);

    vdc->vmdev_realize = page_hint_vmdev_realize;
    vdc->vmdev_unrealize = page_hint_vmdev_unrealize;
}

static const TypeInfo page_hint_info = {
    .name = TYPE_PAGE_HINT,
    .parent = TYPE_VMBUS_DEVICE,
    .instance_size = sizeof(PageHintState),
    .instance_finalize = page_hint_finalize,
    .class_init = page_hint_class_init,
};

static void page_hint_register_types(void)
{
    type_register_static(&page_hint_info);
}

type_init(page_hint_register_types)
