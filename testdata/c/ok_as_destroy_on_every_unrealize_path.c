// OK: MR007 destroyed on every unrealize path
/*
 * virtio device whose unrealize destroys its window address space on the
 * early-return path as well as on the main path.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/virtio/virtio.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_VWINOK "vwinok"
OBJECT_DECLARE_SIMPLE_TYPE(VwinokState, VWINOK)

struct VwinokState {
    VirtIODevice parent_obj;

    MemoryRegion *window;
    AddressSpace win_as;
    bool started;
};

static void vwinok_realize(DeviceState *dev, Error **errp)
{
    VwinokState *s = VWINOK(dev);

    virtio_init(VIRTIO_DEVICE(dev), 42, 0);
    address_space_init(&s->win_as, s->window, "vwinok");
}

static void vwinok_unrealize(DeviceState *dev)
{
    VwinokState *s = VWINOK(dev);

    if (!s->started) {
        address_space_destroy(&s->win_as);
        virtio_cleanup(VIRTIO_DEVICE(dev));
        return;
    }
    address_space_destroy(&s->win_as);
    virtio_cleanup(VIRTIO_DEVICE(dev));
}

static void vwinok_class_init(ObjectClass *klass, const void *data)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

    vdc->realize = vwinok_realize;
    vdc->unrealize = vwinok_unrealize;
}

static const TypeInfo vwinok_info = {
    .name          = TYPE_VWINOK,
    .parent        = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(VwinokState),
    .class_init    = vwinok_class_init,
};

static void vwinok_register_types(void)
{
    type_register_static(&vwinok_info);
}

type_init(vwinok_register_types)
