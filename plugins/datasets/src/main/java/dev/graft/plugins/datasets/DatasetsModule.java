package dev.graft.plugins.datasets;

import dev.graft.spi.GraftModule;

/** Registers the dataset providers. */
public final class DatasetsModule extends GraftModule {
    @Override
    protected void configure() {
        dataset(FashionMnistProvider.NAME).to(FashionMnistProvider.class);
        dataset(MnistProvider.NAME).to(MnistProvider.class);
        dataset(SyntheticGlyphsProvider.NAME).to(SyntheticGlyphsProvider.class);
        dataset(ImageFolderProvider.NAME).to(ImageFolderProvider.class);
        dataset("csv").toInstance(new ArrayDatasets.Csv());
        dataset("hdf5").toInstance(new ArrayDatasets.Hdf5());
    }
}
