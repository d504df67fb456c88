/*
 * virtio device with an address space over a window region another device
 * exports.  unrealize only destroys it when the queues were started: the
 * early return for a never-started device skips the destroy.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/virtio/virtio.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_VWIN "vwin"
OBJECT_DECLARE_SIMPLE_TYPE(VwinState, VWIN)

struct VwinState {
    VirtIODevice parent_obj;

    MemoryRegion *window;
    AddressSpace win_as;
    bool started;
};

static void vwin_realize(DeviceState *dev, Error **errp)
{
    VwinState *s = VWIN(dev);

    virtio_init(VIRTIO_DEVICE(dev), 41, 0);
    // BUG: MR007 not destroyed at unrealize
    address_space_init(&s->win_as, s->window, "vwin");
}

static void vwin_unrealize(DeviceState *dev)
{
    VwinState *s = VWIN(dev);

    if (!s->started) {
        virtio_cleanup(VIRTIO_DEVICE(dev));
        return;
    }
    address_space_destroy(&s->win_as);
    virtio_cleanup(VIRTIO_DEVICE(dev));
}

static void vwin_class_init(ObjectClass *klass, const void *data)
{
    VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

    vdc->realize = vwin_realize;
    vdc->unrealize = vwin_unrealize;
}

static const TypeInfo vwin_info = {
    .name          = TYPE_VWIN,
    .parent        = TYPE_VIRTIO_DEVICE,
    .instance_size = sizeof(VwinState),
    .class_init    = vwin_class_init,
};

static void vwin_register_types(void)
{
    type_register_static(&vwin_info);
}

type_init(vwin_register_types)
