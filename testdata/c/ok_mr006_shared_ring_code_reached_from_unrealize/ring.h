#ifndef RING_H
#define RING_H

typedef struct RingDev {
    AddressSpace *dma_as;
    void *desc;
    bool started;
} RingDev;

void ring_dev_set_running(RingDev *r, bool run);

#endif
